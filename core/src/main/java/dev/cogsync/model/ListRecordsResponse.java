package dev.cogsync.model;

import java.util.List;
import java.util.Objects;

/**
 * One page of a ListRecords call, with the dataset's state and a session token for UpdateRecords.
 *
 * <p>Fields the service left out read as empty, 0 or {@code false}. {@link #toString()} hides the tokens.
 *
 * @param records the records on this page, tombstones included
 * @param nextToken the token of the next page, or {@code null} on the last page
 * @param count the number of records on this page
 * @param datasetSyncCount the dataset's current sync count; 0 for a dataset that does not exist
 * @param lastModifiedBy who last changed the dataset, or {@code null}
 * @param mergedDatasetNames datasets merged into this one
 * @param datasetExists whether the dataset exists; datasets are created by their first UpdateRecords
 * @param datasetDeletedAfterRequestedSyncCount whether the dataset was deleted after {@code lastSyncCount}
 * @param syncSessionToken the token to pass to UpdateRecords
 */
public record ListRecordsResponse(List<Record> records, String nextToken, int count, long datasetSyncCount,
                                  String lastModifiedBy, List<String> mergedDatasetNames, boolean datasetExists,
                                  boolean datasetDeletedAfterRequestedSyncCount, String syncSessionToken) {

    /**
     * Copies the lists.
     *
     * @param records the records on this page, tombstones included
     * @param nextToken the token of the next page, or {@code null} on the last page
     * @param count the number of records on this page
     * @param datasetSyncCount the dataset's current sync count; 0 for a dataset that does not exist
     * @param lastModifiedBy who last changed the dataset, or {@code null}
     * @param mergedDatasetNames datasets merged into this one
     * @param datasetExists whether the dataset exists; datasets are created by their first UpdateRecords
     * @param datasetDeletedAfterRequestedSyncCount whether the dataset was deleted after {@code lastSyncCount}
     * @param syncSessionToken the token to pass to UpdateRecords
     */
    public ListRecordsResponse {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        mergedDatasetNames = mergedDatasetNames == null ? List.of() : List.copyOf(mergedDatasetNames);
    }

    /**
     * A builder for a response; used by the emulator and by tests.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether another page follows.
     *
     * @return {@code true} when {@link #nextToken()} is present
     */
    public boolean hasNextPage() {
        return nextToken != null;
    }

    /** Hides the tokens. */
    @Override
    public String toString() {
        return "ListRecordsResponse[records=" + records.size() + ", count=" + count
                + ", datasetSyncCount=" + datasetSyncCount + ", datasetExists=" + datasetExists
                + (datasetDeletedAfterRequestedSyncCount ? ", datasetDeletedAfterRequestedSyncCount=true" : "")
                + (lastModifiedBy == null ? "" : ", lastModifiedBy=" + lastModifiedBy)
                + (mergedDatasetNames.isEmpty() ? "" : ", mergedDatasetNames=" + mergedDatasetNames)
                + (nextToken == null ? "" : ", nextToken=****")
                + (syncSessionToken == null ? "" : ", syncSessionToken=****") + "]";
    }

    /** Builds a {@link ListRecordsResponse}; not thread-safe. */
    public static final class Builder {
        private List<Record> records = List.of();
        private String nextToken;
        private Integer count;
        private long datasetSyncCount;
        private String lastModifiedBy;
        private List<String> mergedDatasetNames = List.of();
        private boolean datasetExists;
        private boolean datasetDeletedAfterRequestedSyncCount;
        private String syncSessionToken;

        private Builder() {
        }

        /**
         * Sets the records on the page.
         *
         * @param records the records
         * @return this builder
         */
        public Builder records(List<Record> records) {
            this.records = records;
            return this;
        }

        /**
         * Sets the next page's token.
         *
         * @param nextToken the token, or {@code null} on the last page
         * @return this builder
         */
        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        /**
         * Sets the count; defaults to the number of records.
         *
         * @param count the count
         * @return this builder
         */
        public Builder count(int count) {
            this.count = count;
            return this;
        }

        /**
         * Sets the dataset sync count.
         *
         * @param datasetSyncCount the count
         * @return this builder
         */
        public Builder datasetSyncCount(long datasetSyncCount) {
            this.datasetSyncCount = datasetSyncCount;
            return this;
        }

        /**
         * Sets who last changed the dataset.
         *
         * @param lastModifiedBy the identity or device, or {@code null}
         * @return this builder
         */
        public Builder lastModifiedBy(String lastModifiedBy) {
            this.lastModifiedBy = lastModifiedBy;
            return this;
        }

        /**
         * Sets the merged dataset names.
         *
         * @param names the names
         * @return this builder
         */
        public Builder mergedDatasetNames(List<String> names) {
            this.mergedDatasetNames = names;
            return this;
        }

        /**
         * Sets whether the dataset exists.
         *
         * @param exists whether it exists
         * @return this builder
         */
        public Builder datasetExists(boolean exists) {
            this.datasetExists = exists;
            return this;
        }

        /**
         * Sets whether the dataset was deleted after the requested sync count.
         *
         * @param deleted whether it was
         * @return this builder
         */
        public Builder datasetDeletedAfterRequestedSyncCount(boolean deleted) {
            this.datasetDeletedAfterRequestedSyncCount = deleted;
            return this;
        }

        /**
         * Sets the session token.
         *
         * @param token the token
         * @return this builder
         */
        public Builder syncSessionToken(String token) {
            this.syncSessionToken = token;
            return this;
        }

        /**
         * Builds the response.
         *
         * @return the response
         */
        public ListRecordsResponse build() {
            return new ListRecordsResponse(records, nextToken, count == null ? records.size() : count,
                    datasetSyncCount, lastModifiedBy, mergedDatasetNames, datasetExists,
                    datasetDeletedAfterRequestedSyncCount, syncSessionToken);
        }
    }
}
