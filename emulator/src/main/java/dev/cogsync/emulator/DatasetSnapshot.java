package dev.cogsync.emulator;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The full state of one dataset at one moment, tombstones included. Immutable.
 *
 * @param dataset the dataset
 * @param syncCount the dataset's sync count
 * @param creationDate when the dataset was (last) created
 * @param lastModifiedDate when it was last written
 * @param lastModifiedBy who last wrote it: the identity id
 * @param dataStorage the UTF-8 bytes of its live keys and values
 * @param numRecords its live records, tombstones not counted
 * @param records every record, tombstones included (value {@code null}), ordered by key
 */
public record DatasetSnapshot(DatasetRef dataset, long syncCount, Instant creationDate, Instant lastModifiedDate,
                              String lastModifiedBy, long dataStorage, int numRecords, List<Record> records) {

    /**
     * Requires the references and copies the record list.
     *
     * @param dataset the dataset
     * @param syncCount the dataset's sync count
     * @param creationDate when the dataset was (last) created
     * @param lastModifiedDate when it was last written
     * @param lastModifiedBy who last wrote it: the identity id
     * @param dataStorage the UTF-8 bytes of its live keys and values
     * @param numRecords its live records, tombstones not counted
     * @param records every record, tombstones included (value {@code null}), ordered by key
     */
    public DatasetSnapshot {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(lastModifiedDate, "lastModifiedDate");
        records = List.copyOf(records);
    }

    /**
     * The record for one key, tombstone or not.
     *
     * @param key the record key
     * @return the record, or {@code null} when the key was never written
     */
    public Record record(String key) {
        for (Record record : records) {
            if (record.key().equals(key)) {
                return record;
            }
        }
        return null;
    }

    /**
     * The value of one key.
     *
     * @param key the record key
     * @return the value, or {@code null} when the key is absent or removed
     */
    public String value(String key) {
        Record record = record(key);
        return record == null ? null : record.value();
    }
}
