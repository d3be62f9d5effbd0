package dev.cogsync.exception;

/**
 * An internal service error. Retried as transient.
 *
 * <p>Error code {@code InternalErrorException}, HTTP 500 as modelled.
 */
public final class InternalErrorException extends CognitoSyncServiceException {

    /**
     * Creates the error as decoded from a response.
     *
     * @param statusCode the HTTP status
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param attempts the HTTP attempts made
     */
    public InternalErrorException(int statusCode, String errorMessage, String requestId, int attempts) {
        super(statusCode, "InternalErrorException", errorMessage, requestId, attempts);
    }
}
