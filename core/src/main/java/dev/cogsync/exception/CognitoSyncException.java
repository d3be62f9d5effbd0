package dev.cogsync.exception;

/**
 * The root of every exception cogsync throws or signals.
 *
 * <p>It is unchecked, and it has two branches: {@link CognitoSyncClientException} for failures on this side
 * of the wire (bad input, missing credentials, transport failures, timeouts, overload) and
 * {@link CognitoSyncServiceException} for error responses from the service.
 *
 * <p>Messages never contain credentials, session tokens or record values.
 */
public class CognitoSyncException extends RuntimeException {

    /** The HTTP attempts made before this failure; 0 when nothing was sent. */
    private final int attempts;

    /**
     * Creates an exception.
     *
     * @param message what happened; must not contain secrets
     * @param cause the underlying failure, or {@code null}
     * @param attempts how many HTTP attempts were made before this failure; 0 when nothing was sent
     */
    protected CognitoSyncException(String message, Throwable cause, int attempts) {
        super(message, cause);
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts: must be >= 0, was " + attempts);
        }
        this.attempts = attempts;
    }

    /**
     * How many HTTP attempts were made before this failure was reported.
     *
     * @return the attempts made, counting the first one; 0 when nothing was sent
     */
    public int attempts() {
        return attempts;
    }

    /**
     * Whether the service asked this client to slow down (HTTP 429).
     *
     * @return {@code true} for throttling errors
     */
    public boolean isThrottling() {
        return false;
    }

    /**
     * Whether the failure is likely temporary and the same request may succeed when repeated: HTTP 500, 502,
     * 503, 504, connection resets and timeouts.
     *
     * @return {@code true} for transient failures
     */
    public boolean isTransient() {
        return false;
    }

    /**
     * Whether the failure is retryable at all: throttling or transient.
     *
     * @return {@code isThrottling() || isTransient()}
     */
    public final boolean isRetryable() {
        return isThrottling() || isTransient();
    }
}
