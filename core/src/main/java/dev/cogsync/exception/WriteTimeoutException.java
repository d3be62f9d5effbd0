package dev.cogsync.exception;

import java.time.Duration;

/**
 * A coalesced write reached its deadline before it was acknowledged. The deadline covers everything: waiting in
 * the queue, ListRecords, every UpdateRecords attempt and every backoff.
 *
 * <p>{@link #getCause()} is the last failure the write met (a throttling response, a timeout, a lost
 * connection), or {@code null} when it only waited. {@link #mayHaveBeenApplied()} says truthfully whether the
 * service may have applied it: {@code true} when a request carrying it was in flight at the deadline, or lost its
 * response earlier without the writer learning whether it was applied.
 */
public final class WriteTimeoutException extends CognitoSyncClientException {

    /** The write's timeout. */
    private final Duration timeout;
    /** Whether the service may have applied the write. */
    private final boolean mayHaveBeenApplied;

    /**
     * Creates the error.
     *
     * @param timeout the write's timeout
     * @param cause the last failure the write met, or {@code null}
     * @param attempts UpdateRecords attempts that carried the write
     * @param mayHaveBeenApplied whether the service may have applied the write
     */
    public WriteTimeoutException(Duration timeout, Throwable cause, int attempts, boolean mayHaveBeenApplied) {
        super("the write did not complete within its timeout of " + timeout
                + (mayHaveBeenApplied ? "; it may have been applied" : "; it was not applied")
                + (cause == null ? "" : "; last failure: " + cause.getClass().getSimpleName()), cause, attempts);
        this.timeout = timeout;
        this.mayHaveBeenApplied = mayHaveBeenApplied;
    }

    /**
     * The timeout the write had.
     *
     * @return the write's timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Whether the service may have applied the write.
     *
     * @return {@code false} when the write certainly was not applied
     */
    public boolean mayHaveBeenApplied() {
        return mayHaveBeenApplied;
    }
}
