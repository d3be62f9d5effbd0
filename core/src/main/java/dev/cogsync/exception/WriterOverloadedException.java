package dev.cogsync.exception;

/**
 * The coalescer had no room for another write: a bound on pending patches or bytes (per dataset or in total),
 * or on active datasets, was reached. Nothing was sent. Slow down, or retry later.
 */
public final class WriterOverloadedException extends CognitoSyncClientException {

    /**
     * Creates the error.
     *
     * @param message which bound was reached
     */
    public WriterOverloadedException(String message) {
        super(message);
    }
}
