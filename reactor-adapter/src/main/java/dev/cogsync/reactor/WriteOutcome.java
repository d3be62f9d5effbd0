package dev.cogsync.reactor;

import dev.cogsync.model.Record;

import java.util.Objects;

/**
 * The outcome of one write of {@link CoalescingWriter#submitAll}: the record written, or the error. Errors are
 * values here, so one failed write does not end the stream.
 *
 * @param request the write
 * @param record the record as the server returned it, or {@code null} on failure
 * @param error the failure, or {@code null} on success
 */
public record WriteOutcome(WriteRequest request, Record record, Throwable error) {

    /**
     * Requires the request and exactly one of record and error.
     *
     * @param request the write
     * @param record the record as the server returned it, or {@code null} on failure
     * @param error the failure, or {@code null} on success
     */
    public WriteOutcome {
        Objects.requireNonNull(request, "request");
        if ((record == null) == (error == null)) {
            throw new IllegalArgumentException("record, error: exactly one must be present");
        }
    }

    /**
     * Whether the write succeeded.
     *
     * @return {@code true} when {@link #record()} is present
     */
    public boolean isSuccess() {
        return record != null;
    }
}
