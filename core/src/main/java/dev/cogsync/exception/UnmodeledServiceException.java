package dev.cogsync.exception;

/**
 * An error response whose code is not one UpdateRecords or ListRecords is modelled to return, or that carried
 * no code at all (for example a 503 from a load balancer).
 *
 * <p>{@link #errorCode()} has whatever code the response named; classification still follows the status.
 */
public final class UnmodeledServiceException extends CognitoSyncServiceException {

    /**
     * Creates the error as decoded from a response.
     *
     * @param statusCode the HTTP status
     * @param errorCode the code the response named, or {@code null}
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param attempts the HTTP attempts made
     */
    public UnmodeledServiceException(int statusCode, String errorCode, String errorMessage, String requestId,
                                     int attempts) {
        super(statusCode, errorCode, errorMessage, requestId, attempts);
    }
}
