package dev.cogsync.model;

import java.util.List;
import java.util.Objects;

/**
 * The result of an UpdateRecords call: the records the call wrote, with their new sync counts.
 *
 * <p>It may also list records the request did not name, written by a server-side sync trigger.
 *
 * @param records the records written
 */
public record UpdateRecordsResponse(List<Record> records) {

    /**
     * Copies the list.
     *
     * @param records the records written
     */
    public UpdateRecordsResponse {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
    }

    /**
     * The record for one key, if the response has it.
     *
     * @param key the record key
     * @return the record, or {@code null}
     */
    public Record record(String key) {
        for (Record record : records) {
            if (record.key().equals(key)) {
                return record;
            }
        }
        return null;
    }
}
