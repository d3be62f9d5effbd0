package dev.cogsync.exception;

/**
 * The coalescer was closed before this write finished: it was refused, or was still pending when the close
 * timeout ran out. {@link #mayHaveBeenApplied()} says whether it had already been sent.
 */
public final class WriterClosedException extends CognitoSyncClientException {

    /** Whether the write had been sent, so the service may have applied it. */
    private final boolean mayHaveBeenApplied;

    /**
     * Creates the error.
     *
     * @param message what happened to the write
     * @param mayHaveBeenApplied whether the write had been sent, so the service may have applied it
     */
    public WriterClosedException(String message, boolean mayHaveBeenApplied) {
        super(message);
        this.mayHaveBeenApplied = mayHaveBeenApplied;
    }

    /**
     * Whether the write had been sent before the close, so the service may have applied it.
     *
     * @return {@code false} when the write certainly was not applied
     */
    public boolean mayHaveBeenApplied() {
        return mayHaveBeenApplied;
    }
}
