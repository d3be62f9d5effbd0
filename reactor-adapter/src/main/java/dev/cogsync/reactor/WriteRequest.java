package dev.cogsync.reactor;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;

import java.util.Objects;

/**
 * One write for {@link CoalescingWriter#submitAll}: an explicit patch, or a managed put or remove.
 */
public sealed interface WriteRequest {

    /**
     * The dataset written.
     *
     * @return the dataset
     */
    DatasetRef dataset();

    /**
     * An explicit write, as {@link CoalescingWriter#submit(DatasetRef, RecordPatch)}.
     *
     * @param dataset the dataset
     * @param patch the patch, with the caller's sync count
     * @return the request
     */
    static WriteRequest submit(DatasetRef dataset, RecordPatch patch) {
        return new Submit(dataset, patch);
    }

    /**
     * A managed write of a value, as {@link CoalescingWriter#put(DatasetRef, String, String)}.
     *
     * @param dataset the dataset
     * @param key the key
     * @param value the value
     * @return the request
     */
    static WriteRequest put(DatasetRef dataset, String key, String value) {
        return new Put(dataset, key, value);
    }

    /**
     * A managed remove, as {@link CoalescingWriter#remove(DatasetRef, String)}.
     *
     * @param dataset the dataset
     * @param key the key
     * @return the request
     */
    static WriteRequest remove(DatasetRef dataset, String key) {
        return new Remove(dataset, key);
    }

    /**
     * An explicit write.
     *
     * @param dataset the dataset
     * @param patch the patch
     */
    record Submit(DatasetRef dataset, RecordPatch patch) implements WriteRequest {
        /**
         * Requires both parts.
         *
         * @param dataset the dataset
         * @param patch the patch
         */
        public Submit {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(patch, "patch");
        }
    }

    /**
     * A managed write of a value.
     *
     * @param dataset the dataset
     * @param key the key
     * @param value the value
     */
    record Put(DatasetRef dataset, String key, String value) implements WriteRequest {
        /**
         * Requires the dataset; the key and value are validated when the write is submitted.
         *
         * @param dataset the dataset
         * @param key the key
         * @param value the value
         */
        public Put {
            Objects.requireNonNull(dataset, "dataset");
        }

        /** Shows the value's length, never the value. */
        @Override
        public String toString() {
            return "Put[dataset=" + dataset + ", key=" + key + ", value="
                    + (value == null ? "null" : "<" + value.length() + " chars>") + "]";
        }
    }

    /**
     * A managed remove.
     *
     * @param dataset the dataset
     * @param key the key
     */
    record Remove(DatasetRef dataset, String key) implements WriteRequest {
        /**
         * Requires the dataset; the key is validated when the write is submitted.
         *
         * @param dataset the dataset
         * @param key the key
         */
        public Remove {
            Objects.requireNonNull(dataset, "dataset");
        }
    }
}
