package dev.cogsync.batch;

import dev.cogsync.model.Constraints;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which patches of a request the service refused with {@code LimitExceededException} cannot fit in the dataset,
 * judged from its records as ListRecords returned them: the writer fails exactly those and sends the others again,
 * instead of splitting the request until each culprit is alone.
 *
 * <p>The rule is the service's [doc]: at most 1,024 live records and 1 MB of UTF-8 keys plus values per dataset
 * (tombstones count toward neither). Patches are taken in request order; each one is admitted when the dataset
 * with every admitted patch and this one stays within both limits, so what is admitted always fits together.
 */
public final class DatasetCapacity {

    private final int maxRecords;
    private final long maxBytes;

    /**
     * Capacity with given limits, for tests and emulators with other limits.
     *
     * @param maxRecords the most live records per dataset
     * @param maxBytes the most UTF-8 bytes of keys and values per dataset
     */
    public DatasetCapacity(int maxRecords, long maxBytes) {
        if (maxRecords < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("maxRecords, maxBytes: must be >= 1");
        }
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    /**
     * The service's limits.
     *
     * @return capacity of 1,024 records and 1 MB
     */
    public static DatasetCapacity service() {
        return new DatasetCapacity(Constraints.MAX_RECORDS_PER_DATASET, Constraints.MAX_DATASET_BYTES);
    }

    /**
     * The positions of the patches that cannot fit.
     *
     * @param patches the patches of the refused request, in order, keys unique
     * @param current the dataset's records, by key, tombstones included or not
     * @return indexes into {@code patches}, ascending; empty when every patch fits
     */
    public List<Integer> overLimit(List<RecordPatch> patches, Map<String, Record> current) {
        Objects.requireNonNull(patches, "patches");
        Objects.requireNonNull(current, "current");
        int records = 0;
        long bytes = 0;
        for (Record record : current.values()) {
            if (record.value() != null) {
                records++;
                bytes += Constraints.utf8Length(record.key()) + Constraints.utf8Length(record.value());
            }
        }
        Map<String, String> admitted = new HashMap<>();
        List<Integer> over = new ArrayList<>();
        for (int i = 0; i < patches.size(); i++) {
            RecordPatch patch = patches.get(i);
            String before = admitted.containsKey(patch.key()) ? admitted.get(patch.key())
                    : current.containsKey(patch.key()) ? current.get(patch.key()).value() : null;
            int nextRecords = records;
            long nextBytes = bytes;
            if (before != null) {
                nextRecords--;
                nextBytes -= Constraints.utf8Length(patch.key()) + Constraints.utf8Length(before);
            }
            if (patch.value() != null) {
                nextRecords++;
                nextBytes += Constraints.utf8Length(patch.key()) + Constraints.utf8Length(patch.value());
            }
            if (nextRecords > maxRecords || nextBytes > maxBytes) {
                over.add(i);
            } else {
                records = nextRecords;
                bytes = nextBytes;
                admitted.put(patch.key(), patch.value());
            }
        }
        return over;
    }
}
