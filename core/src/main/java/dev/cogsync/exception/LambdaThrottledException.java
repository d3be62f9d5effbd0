package dev.cogsync.exception;

/**
 * AWS Lambda throttled the dataset's sync trigger. Retried as throttling.
 *
 * <p>Error code {@code LambdaThrottledException}, HTTP 429 as modelled.
 */
public final class LambdaThrottledException extends CognitoSyncServiceException {

    /**
     * Creates the error as decoded from a response.
     *
     * @param statusCode the HTTP status
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param attempts the HTTP attempts made
     */
    public LambdaThrottledException(int statusCode, String errorMessage, String requestId, int attempts) {
        super(statusCode, "LambdaThrottledException", errorMessage, requestId, attempts);
    }
}
