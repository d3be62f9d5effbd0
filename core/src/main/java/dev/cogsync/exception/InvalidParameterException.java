package dev.cogsync.exception;

/**
 * A request parameter broke the service's constraints, or the session token was not valid for these inputs.
 *
 * <p>Error code {@code InvalidParameterException}, HTTP 400 as modelled.
 */
public final class InvalidParameterException extends CognitoSyncServiceException {

    /**
     * Creates the error as decoded from a response.
     *
     * @param statusCode the HTTP status
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param attempts the HTTP attempts made
     */
    public InvalidParameterException(int statusCode, String errorMessage, String requestId, int attempts) {
        super(statusCode, "InvalidParameterException", errorMessage, requestId, attempts);
    }
}
