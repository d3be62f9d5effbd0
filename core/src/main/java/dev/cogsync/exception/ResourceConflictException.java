package dev.cogsync.exception;

import dev.cogsync.model.Record;

import java.util.Optional;

/**
 * A stale sync count: the record changed on the server since the caller last saw it, and the whole request
 * was rejected.
 *
 * <p>Error code {@code ResourceConflictException}, HTTP 409. When the coalescer condemns one caller's patch,
 * that caller gets an instance naming its own key, with the server's current record when it was fetched.
 */
public final class ResourceConflictException extends CognitoSyncServiceException {

    private final transient Record currentRecord;

    /**
     * Creates the error as decoded from a response.
     *
     * @param statusCode the HTTP status
     * @param errorMessage the service's message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param attempts the HTTP attempts made
     */
    public ResourceConflictException(int statusCode, String errorMessage, String requestId, int attempts) {
        this(statusCode, errorMessage, requestId, attempts, null);
    }

    /**
     * Creates the error with the server's current record.
     *
     * @param statusCode the HTTP status
     * @param errorMessage the message, naming the key and counts
     * @param requestId the request id, or {@code null}
     * @param attempts the HTTP attempts made
     * @param currentRecord the record as it is on the server, or {@code null} when unknown
     */
    public ResourceConflictException(int statusCode, String errorMessage, String requestId, int attempts,
                                     Record currentRecord) {
        super(statusCode, "ResourceConflictException", errorMessage, requestId, attempts);
        this.currentRecord = currentRecord;
    }

    /**
     * The conflicting record as it is on the server, when it was fetched.
     *
     * @return the current record (a tombstone when it was removed), or empty
     */
    public Optional<Record> currentRecord() {
        return Optional.ofNullable(currentRecord);
    }
}
