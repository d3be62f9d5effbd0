package dev.cogsync.emulator.internal;

/**
 * An error answer: status, {@code x-amzn-ErrorType} code and message. Thrown to leave an operation early; it has
 * no stack trace because it is an expected outcome, not a bug.
 */
final class ServiceError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ServiceError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ServiceError invalidParameter(String message) {
        return new ServiceError(400, "InvalidParameterException", message);
    }

    static ServiceError limitExceeded(String message) {
        return new ServiceError(400, "LimitExceededException", message);
    }

    static ServiceError notFound(String message) {
        return new ServiceError(404, "ResourceNotFoundException", message);
    }

    static ServiceError conflict(String message) {
        return new ServiceError(409, "ResourceConflictException", message);
    }

    static ServiceError invalidToken() {
        return invalidParameter("SyncSessionToken not valid for these inputs");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
