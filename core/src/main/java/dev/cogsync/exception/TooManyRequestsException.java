package dev.cogsync.exception;

/**
 * The request was throttled. Retried as throttling.
 *
 * <p>Error code {@code TooManyRequestsException}, HTTP 429 as modelled.
 */
public final class TooManyRequestsException extends CognitoSyncServiceException {

    /**
     * Creates the error as decoded from a response.
     *
     * @param statusCode the HTTP status
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param attempts the HTTP attempts made
     */
    public TooManyRequestsException(int statusCode, String errorMessage, String requestId, int attempts) {
        super(statusCode, "TooManyRequestsException", errorMessage, requestId, attempts);
    }
}
