package dev.cogsync.exception;

/**
 * The dataset's sync trigger (an AWS Lambda function) returned invalid output or failed.
 *
 * <p>Error code {@code InvalidLambdaFunctionOutputException}, HTTP 400 as modelled.
 */
public final class InvalidLambdaFunctionOutputException extends CognitoSyncServiceException {

    /**
     * Creates the error as decoded from a response.
     *
     * @param statusCode the HTTP status
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param attempts the HTTP attempts made
     */
    public InvalidLambdaFunctionOutputException(int statusCode, String errorMessage, String requestId, int attempts) {
        super(statusCode, "InvalidLambdaFunctionOutputException", errorMessage, requestId, attempts);
    }
}
