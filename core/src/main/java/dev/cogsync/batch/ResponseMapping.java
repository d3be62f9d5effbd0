package dev.cogsync.batch;

import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an UpdateRecords response back to the patches of the request, so that each caller gets only the record
 * of its own key. Records the request did not name (written by a server-side trigger) are ignored.
 */
public final class ResponseMapping {

    private ResponseMapping() {
    }

    /**
     * Finds each sent patch's record in the response.
     *
     * @param sent the patches, in request order
     * @param records the records of the response
     * @return one record per sent patch, in the same order; {@code null} where the response lacks that key
     */
    public static Record[] match(List<RecordPatch> sent, List<Record> records) {
        Record[] matched = new Record[sent.size()];
        if (records.size() == sent.size()) {
            // The service answers in request order; check that cheaply before building a map.
            boolean aligned = true;
            for (int i = 0; i < matched.length && aligned; i++) {
                Record record = records.get(i);
                aligned = record.key().equals(sent.get(i).key());
                matched[i] = record;
            }
            if (aligned) {
                return matched;
            }
        }
        Map<String, Record> byKey = byKey(records);
        for (int i = 0; i < matched.length; i++) {
            matched[i] = byKey.get(sent.get(i).key());
        }
        return matched;
    }

    /**
     * Indexes records by key; a later record for the same key wins.
     *
     * @param records the records
     * @return a new mutable map
     */
    public static Map<String, Record> byKey(List<Record> records) {
        Map<String, Record> byKey = new HashMap<>(Math.max(16, records.size() * 2));
        for (Record record : records) {
            byKey.put(record.key(), record);
        }
        return byKey;
    }
}
