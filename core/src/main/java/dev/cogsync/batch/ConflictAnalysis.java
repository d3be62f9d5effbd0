package dev.cogsync.batch;

import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which patches of a rejected request a conflict condemns, and whether an earlier request whose outcome was
 * lost was in fact applied. Both decisions read the dataset's records as ListRecords returned them.
 */
public final class ConflictAnalysis {

    private ConflictAnalysis() {
    }

    /**
     * The server's current sync count of a key: its record's count, or 0 when the key has no record.
     *
     * @param current the dataset's records, by key
     * @param key the key
     * @return the count a patch to that key must carry
     */
    public static long currentSyncCount(Map<String, Record> current, String key) {
        Record record = current.get(key);
        return record == null ? 0 : record.syncCount();
    }

    /**
     * Whether a patch's sync count is stale: the service would reject any request that holds it.
     *
     * @param patch the patch
     * @param current the dataset's complete records, by key
     * @return {@code true} when the patch's count differs from the server's
     */
    public static boolean isStale(RecordPatch patch, Map<String, Record> current) {
        return patch.syncCount() != currentSyncCount(current, patch.key());
    }

    /**
     * The positions of the stale patches of a request. A conflict condemns exactly these; every other patch is
     * innocent and is sent again.
     *
     * @param sent the patches of the rejected request
     * @param current the dataset's complete records, by key
     * @return indexes into {@code sent}, ascending
     */
    public static List<Integer> stale(List<RecordPatch> sent, Map<String, Record> current) {
        List<Integer> stale = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (isStale(sent.get(i), current)) {
                stale.add(i);
            }
        }
        return stale;
    }

    /**
     * Whether a request whose response was lost (connection closed or timed out after sending) was applied.
     *
     * <p>An UpdateRecords is atomic and gives every record it writes the same new sync count. So the request was
     * applied exactly when the server's record for every key it named holds what the request wrote (the value,
     * or no value for a remove), all at one sync count greater than the count each patch carried. A key
     * changed again since by another writer makes the answer {@code false}: applied-then-overwritten cannot be
     * told apart from never-applied.
     *
     * @param sent the patches of the request whose outcome was lost
     * @param current the dataset's records, by key
     * @return {@code true} when the server's records equal what the request wrote
     */
    public static boolean wasApplied(List<RecordPatch> sent, Map<String, Record> current) {
        if (sent.isEmpty()) {
            return false;
        }
        long writtenAt = -1;
        for (RecordPatch patch : sent) {
            Record record = current.get(patch.key());
            if (record == null || record.syncCount() <= patch.syncCount()
                    || !Objects.equals(record.value(), patch.isRemove() ? null : patch.value())) {
                return false;
            }
            if (writtenAt >= 0 && record.syncCount() != writtenAt) {
                return false;
            }
            writtenAt = record.syncCount();
        }
        return true;
    }
}
