package dev.cogsync.exception;

/**
 * A response the client could not read: not JSON, or JSON of the wrong shape.
 *
 * <p>The service did answer, so for UpdateRecords the write may have been applied. The message locates the
 * problem by byte offset and never quotes the body, which may hold tokens or personal data.
 */
public final class MalformedResponseException extends CognitoSyncClientException {

    /**
     * Creates the error.
     *
     * @param message what could not be read, and where
     * @param attempts the HTTP attempts made
     */
    public MalformedResponseException(String message, int attempts) {
        super(message, null, attempts);
    }
}
