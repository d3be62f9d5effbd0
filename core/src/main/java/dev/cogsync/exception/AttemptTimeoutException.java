package dev.cogsync.exception;

import java.time.Duration;

/**
 * One HTTP attempt took longer than its timeout and was abandoned. Transient, so it is retried.
 *
 * <p>The request may have reached the service, so an UpdateRecords may have been applied.
 */
public final class AttemptTimeoutException extends CognitoSyncClientException {

    /** The time the attempt was allowed. */
    private final Duration timeout;

    /**
     * Creates the error.
     *
     * @param timeout the timeout that elapsed
     * @param attempts the HTTP attempts made, counting this one
     */
    public AttemptTimeoutException(Duration timeout, int attempts) {
        super("HTTP attempt " + attempts + " did not complete within " + timeout, null, attempts);
        this.timeout = timeout;
    }

    /**
     * The per-attempt timeout that elapsed.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
