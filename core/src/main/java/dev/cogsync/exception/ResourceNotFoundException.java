package dev.cogsync.exception;

/**
 * The resource does not exist.
 *
 * <p>Error code {@code ResourceNotFoundException}, HTTP 404 as modelled.
 */
public final class ResourceNotFoundException extends CognitoSyncServiceException {

    /**
     * Creates the error as decoded from a response.
     *
     * @param statusCode the HTTP status
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param attempts the HTTP attempts made
     */
    public ResourceNotFoundException(int statusCode, String errorMessage, String requestId, int attempts) {
        super(statusCode, "ResourceNotFoundException", errorMessage, requestId, attempts);
    }
}
