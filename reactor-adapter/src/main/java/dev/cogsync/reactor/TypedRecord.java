package dev.cogsync.reactor;

import dev.cogsync.model.Record;

import java.util.Objects;

/**
 * A record with its value decoded by a {@link dev.cogsync.codec.ValueCodec}.
 *
 * @param record the record as the service returned it
 * @param value the decoded value, or {@code null} for a tombstone
 * @param <T> the value type
 */
public record TypedRecord<T>(Record record, T value) {

    /**
     * Requires the record.
     *
     * @param record the record as the service returned it
     * @param value the decoded value, or {@code null} for a tombstone
     */
    public TypedRecord {
        Objects.requireNonNull(record, "record");
    }

    /**
     * The record's key.
     *
     * @return the key
     */
    public String key() {
        return record.key();
    }

    /**
     * The record's sync count.
     *
     * @return the count of its last write
     */
    public long syncCount() {
        return record.syncCount();
    }
}
