package dev.cogsync.emulator;

import dev.cogsync.model.Constraints;

/**
 * The service limits the emulator enforces, answered with 400 {@code LimitExceededException}. Immutable; the
 * defaults ({@link #DEFAULT}) are the real service's.
 *
 * <p>Records and bytes count live records only: a tombstone (a removed record) counts toward neither. Bytes are
 * the UTF-8 bytes of every live record's key and value. Key and value lengths count characters (code points) as
 * the model does; values above the model's own limits are rejected earlier, as 400
 * {@code InvalidParameterException}, so these two only matter when set lower.
 *
 * @param maxDatasetsPerIdentity datasets one identity may have at once (default 20)
 * @param maxRecordsPerDataset live records per dataset (default 1,024)
 * @param maxDatasetBytes UTF-8 bytes of the live keys and values of one dataset (default 1 MiB)
 * @param maxKeyLength characters per record key (default 1,024)
 * @param maxValueLength characters per record value (default 1,048,575)
 */
public record EmulatorLimits(int maxDatasetsPerIdentity, int maxRecordsPerDataset, long maxDatasetBytes,
                             int maxKeyLength, int maxValueLength) {

    /** The real service's limits. */
    public static final EmulatorLimits DEFAULT = new EmulatorLimits(Constraints.MAX_DATASETS_PER_IDENTITY,
            Constraints.MAX_RECORDS_PER_DATASET, Constraints.MAX_DATASET_BYTES, Constraints.MAX_KEY_LENGTH,
            Constraints.MAX_VALUE_LENGTH);

    /**
     * Requires every limit to be positive (a value may be empty, so its limit may be 0).
     *
     * @param maxDatasetsPerIdentity datasets one identity may have at once (default 20)
     * @param maxRecordsPerDataset live records per dataset (default 1,024)
     * @param maxDatasetBytes UTF-8 bytes of the live keys and values of one dataset (default 1 MiB)
     * @param maxKeyLength characters per record key (default 1,024)
     * @param maxValueLength characters per record value (default 1,048,575)
     */
    public EmulatorLimits {
        positive("maxDatasetsPerIdentity", maxDatasetsPerIdentity);
        positive("maxRecordsPerDataset", maxRecordsPerDataset);
        positive("maxDatasetBytes", maxDatasetBytes);
        positive("maxKeyLength", maxKeyLength);
        if (maxValueLength < 0) {
            throw new IllegalArgumentException("maxValueLength: must be >= 0, was " + maxValueLength);
        }
    }

    private static void positive(String field, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + ": must be >= 1, was " + value);
        }
    }

    /**
     * These limits with another dataset count per identity.
     *
     * @param max datasets per identity
     * @return a new value; this one is unchanged
     */
    public EmulatorLimits withMaxDatasetsPerIdentity(int max) {
        return new EmulatorLimits(max, maxRecordsPerDataset, maxDatasetBytes, maxKeyLength, maxValueLength);
    }

    /**
     * These limits with another record count per dataset.
     *
     * @param max live records per dataset
     * @return a new value; this one is unchanged
     */
    public EmulatorLimits withMaxRecordsPerDataset(int max) {
        return new EmulatorLimits(maxDatasetsPerIdentity, max, maxDatasetBytes, maxKeyLength, maxValueLength);
    }

    /**
     * These limits with another byte size per dataset.
     *
     * @param max UTF-8 bytes of live keys and values per dataset
     * @return a new value; this one is unchanged
     */
    public EmulatorLimits withMaxDatasetBytes(long max) {
        return new EmulatorLimits(maxDatasetsPerIdentity, maxRecordsPerDataset, max, maxKeyLength, maxValueLength);
    }

    /**
     * These limits with another key length.
     *
     * @param max characters per key
     * @return a new value; this one is unchanged
     */
    public EmulatorLimits withMaxKeyLength(int max) {
        return new EmulatorLimits(maxDatasetsPerIdentity, maxRecordsPerDataset, maxDatasetBytes, max, maxValueLength);
    }

    /**
     * These limits with another value length.
     *
     * @param max characters per value
     * @return a new value; this one is unchanged
     */
    public EmulatorLimits withMaxValueLength(int max) {
        return new EmulatorLimits(maxDatasetsPerIdentity, maxRecordsPerDataset, maxDatasetBytes, maxKeyLength, max);
    }
}
