package dev.cogsync.exception;

import java.time.Duration;

/**
 * A call, with all its retries, took longer than its total timeout and was abandoned. Not retried.
 *
 * <p>An attempt may have reached the service, so an UpdateRecords may have been applied. The failure of the
 * last finished attempt, if any, is attached as a suppressed exception.
 */
public final class ApiCallTimeoutException extends CognitoSyncClientException {

    /** The time the call was allowed, with all its retries. */
    private final Duration timeout;

    /**
     * Creates the error.
     *
     * @param timeout the total timeout that elapsed
     * @param attempts the HTTP attempts started
     */
    public ApiCallTimeoutException(Duration timeout, int attempts) {
        super("call did not complete within " + timeout + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)"),
                null, attempts);
        this.timeout = timeout;
    }

    /**
     * The total timeout that elapsed.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }
}
