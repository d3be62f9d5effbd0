package dev.cogsync.exception;

/**
 * The exchange failed below HTTP: the connection could not be made, was reset, or closed before a response.
 *
 * <p>Transient, so it is retried. {@link #requestMayHaveBeenSent()} says whether the service may have received
 * the request: when it may have, an UpdateRecords may have been applied even though no response arrived, and
 * a retry can then see a conflict that its own first attempt caused.
 */
public final class TransportException extends CognitoSyncClientException {

    /** Whether the request may have reached the service before the failure. */
    private final boolean requestMayHaveBeenSent;

    /**
     * Creates a transport failure.
     *
     * @param message what failed
     * @param cause the I/O failure
     * @param attempts the HTTP attempts made, counting this one
     * @param requestMayHaveBeenSent {@code false} only when the request certainly did not leave this process,
     *     for example when the connection could not be established
     */
    public TransportException(String message, Throwable cause, int attempts, boolean requestMayHaveBeenSent) {
        super(message, cause, attempts);
        this.requestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    /**
     * Whether the service may have received the request.
     *
     * @return {@code false} only when the request certainly was not sent
     */
    public boolean requestMayHaveBeenSent() {
        return requestMayHaveBeenSent;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
