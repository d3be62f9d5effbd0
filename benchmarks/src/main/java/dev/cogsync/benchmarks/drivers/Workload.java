package dev.cogsync.benchmarks.drivers;

import dev.cogsync.model.DatasetRef;

/**
 * Who writes what: writer {@code w} owns key {@code key-w} in dataset {@code w % datasets}. Datasets are spread
 * over identities, 16 to an identity, under the service's limit of 20.
 *
 * @param datasets how many datasets the writers share
 * @param valueBytes the size of every value
 */
public record Workload(int datasets, int valueBytes) {

    /** The identity pool of every benchmark dataset. */
    public static final String POOL = "us-east-1:0b0e0c0d-0000-4000-8000-00000000be9c";

    /** Built once: the harness must not spend the writers' CPU formatting names. */
    private static final DatasetRef[] DATASETS = new DatasetRef[1024];
    private static final String[] KEYS = new String[4096];

    static {
        for (int d = 0; d < DATASETS.length; d++) {
            DATASETS[d] = DatasetRef.of(POOL, String.format("us-east-1:%08x-0000-4000-8000-000000000000", d / 16),
                    "bench-" + d);
        }
        for (int k = 0; k < KEYS.length; k++) {
            KEYS[k] = "key-" + k;
        }
    }

    /**
     * A dataset by number.
     *
     * @param dataset from 0 to 1023
     * @return the dataset
     */
    public static DatasetRef dataset(int dataset) {
        return DATASETS[dataset];
    }

    /**
     * The dataset a writer writes.
     *
     * @param writer from 0
     * @return the dataset
     */
    public DatasetRef datasetOf(int writer) {
        return dataset(writer % datasets);
    }

    /**
     * The key a writer owns.
     *
     * @param writer from 0
     * @return the key
     */
    public static String keyOf(int writer) {
        return KEYS[writer];
    }

    /**
     * The value every write carries: the same bytes each time, so that drivers differ only in how they write.
     *
     * @return a value of {@link #valueBytes()} ASCII characters
     */
    public String value() {
        return "v".repeat(valueBytes);
    }
}
