package dev.cogsync.exception;

/**
 * A service limit was exceeded: datasets per identity, records per dataset, or bytes per dataset.
 *
 * <p>Error code {@code LimitExceededException}, HTTP 400 as modelled.
 */
public final class LimitExceededException extends CognitoSyncServiceException {

    /**
     * Creates the error as decoded from a response.
     *
     * @param statusCode the HTTP status
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param attempts the HTTP attempts made
     */
    public LimitExceededException(int statusCode, String errorMessage, String requestId, int attempts) {
        super(statusCode, "LimitExceededException", errorMessage, requestId, attempts);
    }
}
