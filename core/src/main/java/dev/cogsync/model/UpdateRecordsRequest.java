package dev.cogsync.model;

import dev.cogsync.exception.ValidationException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An UpdateRecords call: patches to one dataset, with the session token from a previous ListRecords.
 *
 * <p>Validated when built. Besides each patch's own rules: the session token is required and not empty; the
 * device id has 1 to 256 characters; the client context has no control characters (it travels in a header);
 * and no key appears twice, because the service's behaviour for that is undefined and cogsync never sends it.
 * {@link #toString()} hides the session token.
 *
 * @param dataset the dataset to write
 * @param recordPatches the patches, in order; keys are unique
 * @param syncSessionToken the token from a ListRecords on this dataset
 * @param deviceId the device that made the changes, or {@code null}
 * @param clientContext the {@code x-amz-Client-Context} header value, or {@code null}; the service does not
 *     use it yet
 */
public record UpdateRecordsRequest(DatasetRef dataset, List<RecordPatch> recordPatches, String syncSessionToken,
                                   String deviceId, String clientContext) {

    /**
     * Validates the request and copies the patch list.
     *
     * @param dataset the dataset to write
     * @param recordPatches the patches, in order; keys are unique
     * @param syncSessionToken the token from a ListRecords on this dataset
     * @param deviceId the device that made the changes, or {@code null}
     * @param clientContext the {@code x-amz-Client-Context} header value, or {@code null}; the service does not use it yet
     */
    public UpdateRecordsRequest {
        Constraints.required("dataset", dataset);
        Constraints.required("recordPatches", recordPatches);
        Constraints.required("syncSessionToken", syncSessionToken);
        if (syncSessionToken.isEmpty()) {
            throw new ValidationException("syncSessionToken", "must not be empty");
        }
        Constraints.headerSafe("syncSessionToken", syncSessionToken);
        if (deviceId != null) {
            Constraints.length("deviceId", deviceId, 1, Constraints.MAX_DEVICE_ID_LENGTH);
        }
        if (clientContext != null) {
            Constraints.headerSafe("clientContext", clientContext);
        }
        recordPatches = List.copyOf(requireUniqueKeys(recordPatches));
        requireFitsADataset(recordPatches);
    }

    /**
     * Refuses a request no dataset could ever take: more patches than its 1,024 records (keys are unique, so each
     * patch is a record of its own), or more UTF-8 bytes of keys and values than its 1 MB.
     */
    private static void requireFitsADataset(List<RecordPatch> patches) {
        if (patches.size() > Constraints.MAX_RECORDS_PER_DATASET) {
            throw new ValidationException("recordPatches", "at most " + Constraints.MAX_RECORDS_PER_DATASET
                    + " patches, the records a dataset can hold, was " + patches.size());
        }
        long bytes = 0;
        for (RecordPatch patch : patches) {
            if (patch.value() != null) {
                bytes += Constraints.utf8Length(patch.key()) + Constraints.utf8Length(patch.value());
            }
        }
        if (bytes > Constraints.MAX_DATASET_BYTES) {
            throw new ValidationException("recordPatches", "keys and values must fit the "
                    + Constraints.MAX_DATASET_BYTES + " UTF-8 bytes a dataset can hold, were " + bytes + " bytes");
        }
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
        return new Builder().dataset(dataset).recordPatches(recordPatches).syncSessionToken(syncSessionToken)
                .deviceId(deviceId).clientContext(clientContext);
    }

    private static List<RecordPatch> requireUniqueKeys(List<RecordPatch> patches) {
        int size = patches.size();
        // Field names are built only on failure: this runs for every request, with up to a thousand patches.
        if (size < 2) {
            if (size == 1 && patches.get(0) == null) {
                throw new ValidationException("recordPatches[0]", "is required");
            }
            return patches;
        }
        Set<String> keys = new HashSet<>(size * 2);
        for (int i = 0; i < size; i++) {
            RecordPatch patch = patches.get(i);
            if (patch == null) {
                throw new ValidationException("recordPatches[" + i + "]", "is required");
            }
            if (!keys.add(patch.key())) {
                throw new ValidationException("recordPatches[" + i + "].key",
                        "must be unique within a request, repeats recordPatches[" + firstIndexOf(patches,
                                patch.key()) + "].key, length " + patch.key().length());
            }
        }
        return patches;
    }

    private static int firstIndexOf(List<RecordPatch> patches, String key) {
        for (int i = 0; i < patches.size(); i++) {
            if (patches.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Hides the session token. */
    @Override
    public String toString() {
        return "UpdateRecordsRequest[dataset=" + dataset + ", recordPatches=" + recordPatches.size()
                + " patches, syncSessionToken=****"
                + (deviceId == null ? "" : ", deviceId=" + deviceId)
                + (clientContext == null ? "" : ", clientContext=<" + clientContext.length() + " chars>") + "]";
    }

    /** Builds an {@link UpdateRecordsRequest}; not thread-safe. */
    public static final class Builder {
        private DatasetRef dataset;
        private final List<RecordPatch> recordPatches = new ArrayList<>();
        private String syncSessionToken;
        private String deviceId;
        private String clientContext;

        private Builder() {
        }

        /**
         * Sets the dataset.
         *
         * @param dataset the dataset to write
         * @return this builder
         */
        public Builder dataset(DatasetRef dataset) {
            this.dataset = dataset;
            return this;
        }

        /**
         * Replaces the patches.
         *
         * @param patches the patches, in order
         * @return this builder
         */
        public Builder recordPatches(List<RecordPatch> patches) {
            Constraints.required("recordPatches", patches);
            for (int i = 0; i < patches.size(); i++) {
                Constraints.required("recordPatches[" + i + "]", patches.get(i));
            }
            this.recordPatches.clear();
            this.recordPatches.addAll(patches);
            return this;
        }

        /**
         * Appends one patch.
         *
         * @param patch the patch
         * @return this builder
         */
        public Builder addRecordPatch(RecordPatch patch) {
            this.recordPatches.add(Constraints.required("recordPatch", patch));
            return this;
        }

        /**
         * Sets the session token from ListRecords.
         *
         * @param token the token
         * @return this builder
         */
        public Builder syncSessionToken(String token) {
            this.syncSessionToken = token;
            return this;
        }

        /**
         * Sets the device id.
         *
         * @param deviceId the device id, or {@code null}
         * @return this builder
         */
        public Builder deviceId(String deviceId) {
            this.deviceId = deviceId;
            return this;
        }

        /**
         * Sets the client context header.
         *
         * @param clientContext the value, or {@code null}
         * @return this builder
         */
        public Builder clientContext(String clientContext) {
            this.clientContext = clientContext;
            return this;
        }

        /**
         * Builds and validates the request.
         *
         * @return the request
         * @throws dev.cogsync.exception.ValidationException when a value breaks a service constraint
         */
        public UpdateRecordsRequest build() {
            return new UpdateRecordsRequest(dataset, recordPatches, syncSessionToken, deviceId, clientContext);
        }
    }
}
