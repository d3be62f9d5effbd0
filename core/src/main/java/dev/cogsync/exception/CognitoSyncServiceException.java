package dev.cogsync.exception;

import java.util.Optional;

/**
 * An error response from Cognito Sync: HTTP status, error code, message and request id.
 *
 * <p>Each error UpdateRecords and ListRecords can return has its own subclass; codes outside the model arrive
 * as {@link UnmodeledServiceException}. Classification does not depend on the subclass:
 * <ul>
 *   <li>{@link #isThrottling()}: HTTP 429 ({@code TooManyRequestsException}, {@code LambdaThrottledException});
 *   <li>{@link #isTransient()}: HTTP 500, 502, 503 or 504;
 *   <li>{@link #isConflict()}: HTTP 409, or any error whose message starts with {@code Current SyncCount for:}
 *       (the service has been seen sending that message with status 400). {@link #conflict()} then names the
 *       key and the server's current sync count.
 * </ul>
 */
public class CognitoSyncServiceException extends CognitoSyncException {

    /** The message prefix by which the service reports a stale sync count. */
    public static final String CONFLICT_MESSAGE_PREFIX = "Current SyncCount for:";

    /** The HTTP status of the answer. */
    private final int statusCode;
    /** The error code the service named, or {@code null}. */
    private final String errorCode;
    /** The message the service gave, or {@code null}. */
    private final String errorMessage;
    /** The request id of the answer, or {@code null}. */
    private final String requestId;

    /**
     * Creates a service error.
     *
     * @param statusCode the HTTP status
     * @param errorCode the service's error code, or {@code null} when the response had none
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the {@code x-amzn-RequestId}, or {@code null}
     * @param attempts the HTTP attempts made, counting the one that got this response
     */
    protected CognitoSyncServiceException(int statusCode, String errorCode, String errorMessage, String requestId,
                                          int attempts) {
        super(describe(statusCode, errorCode, errorMessage, requestId, attempts), null, attempts);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
    }

    private static String describe(int status, String code, String message, String requestId, int attempts) {
        StringBuilder text = new StringBuilder(96);
        text.append(code == null ? "HTTP " + status + " error" : code).append(": ")
                .append(message == null ? "(no message)" : message)
                .append(" (status ").append(status);
        if (requestId != null) {
            text.append(", request id ").append(requestId);
        }
        return text.append(", attempts ").append(attempts).append(')').toString();
    }

    /**
     * The HTTP status of the response.
     *
     * @return the status code
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The service's error code, for example {@code ResourceConflictException}.
     *
     * @return the code, or {@code null} when the response carried none
     */
    public String errorCode() {
        return errorCode;
    }

    /**
     * The service's message, as sent.
     *
     * @return the message, or {@code null}
     */
    public String errorMessage() {
        return errorMessage;
    }

    /**
     * The request id the service assigned, for support cases.
     *
     * @return the {@code x-amzn-RequestId}, or {@code null}
     */
    public String requestId() {
        return requestId;
    }

    @Override
    public boolean isThrottling() {
        return statusCode == 429;
    }

    @Override
    public boolean isTransient() {
        return statusCode == 500 || statusCode == 502 || statusCode == 503 || statusCode == 504;
    }

    /**
     * Whether a stale sync count made the service reject the request.
     *
     * @return {@code true} for HTTP 409 or a {@code Current SyncCount for:} message
     */
    public boolean isConflict() {
        return statusCode == 409 || (errorMessage != null && errorMessage.startsWith(CONFLICT_MESSAGE_PREFIX));
    }

    /**
     * The conflicting key and the server's current sync count, when the message names them.
     *
     * @return the conflict, or empty when this is not a conflict or the message does not say
     */
    public Optional<SyncCountConflict> conflict() {
        return isConflict() ? SyncCountConflict.parse(errorMessage) : Optional.empty();
    }
}
