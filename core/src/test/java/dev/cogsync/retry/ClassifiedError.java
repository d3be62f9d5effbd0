package dev.cogsync.retry;

import dev.cogsync.exception.CognitoSyncException;

/**
 * Stands in for the service and transport exceptions, which classify themselves through the same two methods:
 * the retry code must not need anything else.
 */
final class ClassifiedError extends CognitoSyncException {

    private final boolean throttling;
    private final boolean transientFailure;

    private ClassifiedError(String message, boolean throttling, boolean transientFailure) {
        super(message, null, 1);
        this.throttling = throttling;
        this.transientFailure = transientFailure;
    }

    static ClassifiedError tooManyRequests429() {
        return new ClassifiedError("HTTP 429 TooManyRequestsException", true, false);
    }

    static ClassifiedError lambdaThrottled429() {
        return new ClassifiedError("HTTP 429 LambdaThrottledException", true, false);
    }

    static ClassifiedError internalError500() {
        return new ClassifiedError("HTTP 500 InternalErrorException", false, true);
    }

    static ClassifiedError badGateway502() {
        return new ClassifiedError("HTTP 502", false, true);
    }

    static ClassifiedError serviceUnavailable503() {
        return new ClassifiedError("HTTP 503", false, true);
    }

    static ClassifiedError gatewayTimeout504() {
        return new ClassifiedError("HTTP 504", false, true);
    }

    static ClassifiedError connectionReset() {
        return new ClassifiedError("connection reset", false, true);
    }

    static ClassifiedError invalidParameter400() {
        return new ClassifiedError("HTTP 400 InvalidParameterException", false, false);
    }

    static ClassifiedError notAuthorized403() {
        return new ClassifiedError("HTTP 403 NotAuthorizedException", false, false);
    }

    static ClassifiedError resourceNotFound404() {
        return new ClassifiedError("HTTP 404 ResourceNotFoundException", false, false);
    }

    static ClassifiedError resourceConflict409() {
        return new ClassifiedError("HTTP 409 ResourceConflictException", false, false);
    }

    @Override
    public boolean isThrottling() {
        return throttling;
    }

    @Override
    public boolean isTransient() {
        return transientFailure;
    }

    /** Parameterized test names show what the error models. */
    @Override
    public String toString() {
        return getMessage();
    }
}
