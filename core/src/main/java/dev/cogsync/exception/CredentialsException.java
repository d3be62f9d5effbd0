package dev.cogsync.exception;

/**
 * Credentials could not be resolved: no source had them, or a source was malformed. Nothing was sent.
 * The message says which sources were tried and why each failed, and never contains a secret.
 */
public final class CredentialsException extends CognitoSyncClientException {

    /**
     * Creates a credentials failure.
     *
     * @param message which sources were tried and why each failed
     */
    public CredentialsException(String message) {
        super(message);
    }

    /**
     * Creates a credentials failure with a cause.
     *
     * @param message which source failed and why
     * @param cause the underlying failure, for example an I/O error reading a profile file
     */
    public CredentialsException(String message, Throwable cause) {
        super(message, cause, 0);
    }
}
