package dev.cogsync.exception;

/**
 * The caller is not authorized to access the resource.
 *
 * <p>Error code {@code NotAuthorizedException}, HTTP 403 as modelled.
 */
public final class NotAuthorizedException extends CognitoSyncServiceException {

    /**
     * Creates the error as decoded from a response.
     *
     * @param statusCode the HTTP status
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param attempts the HTTP attempts made
     */
    public NotAuthorizedException(int statusCode, String errorMessage, String requestId, int attempts) {
        super(statusCode, "NotAuthorizedException", errorMessage, requestId, attempts);
    }
}
