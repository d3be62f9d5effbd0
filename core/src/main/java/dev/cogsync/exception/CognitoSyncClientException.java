package dev.cogsync.exception;

/**
 * A failure on this side of the wire: invalid input, unavailable credentials, a transport failure, a timeout
 * or local overload. The service may or may not have seen the request; each subclass says which.
 */
public class CognitoSyncClientException extends CognitoSyncException {

    /**
     * Creates a client-side exception.
     *
     * @param message what happened; must not contain secrets
     * @param cause the underlying failure, or {@code null}
     * @param attempts how many HTTP attempts were made; 0 when nothing was sent
     */
    public CognitoSyncClientException(String message, Throwable cause, int attempts) {
        super(message, cause, attempts);
    }

    /**
     * Creates a client-side exception for a failure before anything was sent.
     *
     * @param message what happened; must not contain secrets
     */
    public CognitoSyncClientException(String message) {
        super(message, null, 0);
    }
}
