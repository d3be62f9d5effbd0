package dev.cogsync.model;

import dev.cogsync.exception.ValidationException;

/**
 * A ListRecords call: the records of one dataset changed after a sync count, one page at a time.
 *
 * <p>Every field but the dataset is optional. Validated when built: {@code lastSyncCount} is {@code >= 0} and
 * {@code maxResults} is {@code >= 1}. {@link #toString()} hides the tokens.
 *
 * @param dataset the dataset to list
 * @param lastSyncCount list only records whose sync count is greater than this, or {@code null} for all
 * @param maxResults the page size, or {@code null} for the service's default
 * @param nextToken the token of the page to fetch, from the previous response, or {@code null}
 * @param syncSessionToken a session token to continue, or {@code null}
 */
public record ListRecordsRequest(DatasetRef dataset, Long lastSyncCount, Integer maxResults, String nextToken,
                                 String syncSessionToken) {

    /**
     * Validates the request.
     *
     * @param dataset the dataset to list
     * @param lastSyncCount list only records whose sync count is greater than this, or {@code null} for all
     * @param maxResults the page size, or {@code null} for the service's default
     * @param nextToken the token of the page to fetch, from the previous response, or {@code null}
     * @param syncSessionToken a session token to continue, or {@code null}
     */
    public ListRecordsRequest {
        Constraints.required("dataset", dataset);
        if (lastSyncCount != null) {
            Constraints.nonNegative("lastSyncCount", lastSyncCount);
        }
        if (maxResults != null && maxResults < 1) {
            throw new ValidationException("maxResults", "must be >= 1, was " + maxResults);
        }
        if (nextToken != null && nextToken.isEmpty()) {
            nextToken = null;
        }
        if (syncSessionToken != null && syncSessionToken.isEmpty()) {
            syncSessionToken = null;
        }
    }

    /**
     * A request for the first page of all records of a dataset.
     *
     * @param dataset the dataset
     * @return the request
     */
    public static ListRecordsRequest of(DatasetRef dataset) {
        return new ListRecordsRequest(dataset, null, null, null, null);
    }

    /**
     * A builder for a request.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this request's values.
     *
     * @return a builder to derive a changed request from
     */
    public Builder toBuilder() {
        return new Builder().dataset(dataset).lastSyncCount(lastSyncCount).maxResults(maxResults)
                .nextToken(nextToken).syncSessionToken(syncSessionToken);
    }

    /**
     * This request for the page that {@code token} names.
     *
     * @param token the next token from the previous page
     * @return a new request; this one is unchanged
     */
    public ListRecordsRequest withNextToken(String token) {
        return new ListRecordsRequest(dataset, lastSyncCount, maxResults, token, syncSessionToken);
    }

    /** Hides the tokens. */
    @Override
    public String toString() {
        return "ListRecordsRequest[dataset=" + dataset
                + (lastSyncCount == null ? "" : ", lastSyncCount=" + lastSyncCount)
                + (maxResults == null ? "" : ", maxResults=" + maxResults)
                + (nextToken == null ? "" : ", nextToken=****")
                + (syncSessionToken == null ? "" : ", syncSessionToken=****") + "]";
    }

    /** Builds a {@link ListRecordsRequest}; not thread-safe. */
    public static final class Builder {
        private DatasetRef dataset;
        private Long lastSyncCount;
        private Integer maxResults;
        private String nextToken;
        private String syncSessionToken;

        private Builder() {
        }

        /**
         * Sets the dataset.
         *
         * @param dataset the dataset to list
         * @return this builder
         */
        public Builder dataset(DatasetRef dataset) {
            this.dataset = dataset;
            return this;
        }

        /**
         * Lists only records changed after this sync count.
         *
         * @param lastSyncCount the sync count, or {@code null} for all records
         * @return this builder
         */
        public Builder lastSyncCount(Long lastSyncCount) {
            this.lastSyncCount = lastSyncCount;
            return this;
        }

        /**
         * Sets the page size.
         *
         * @param maxResults records per page, or {@code null} for the service default
         * @return this builder
         */
        public Builder maxResults(Integer maxResults) {
            this.maxResults = maxResults;
            return this;
        }

        /**
         * Sets the page to fetch.
         *
         * @param nextToken the token from the previous page, or {@code null}
         * @return this builder
         */
        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        /**
         * Sets the session token to continue.
         *
         * @param syncSessionToken the token, or {@code null}
         * @return this builder
         */
        public Builder syncSessionToken(String syncSessionToken) {
            this.syncSessionToken = syncSessionToken;
            return this;
        }

        /**
         * Builds and validates the request.
         *
         * @return the request
         * @throws dev.cogsync.exception.ValidationException when a value breaks a constraint
         */
        public ListRecordsRequest build() {
            return new ListRecordsRequest(dataset, lastSyncCount, maxResults, nextToken, syncSessionToken);
        }
    }
}
