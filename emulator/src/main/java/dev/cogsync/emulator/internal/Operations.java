package dev.cogsync.emulator.internal;

import dev.cogsync.model.Dataset;
import dev.cogsync.model.IdentityUsage;
import dev.cogsync.model.ListDatasetsResponse;
import dev.cogsync.protocol.DatasetsCodec;
import dev.cogsync.emulator.EmulatorLimits;
import dev.cogsync.exception.ValidationException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import dev.cogsync.protocol.ListRecordsCodec;
import dev.cogsync.protocol.UpdateRecordsCodec;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The five operations, from decoded path labels and raw query or body to the JSON answer. Errors are thrown as
 * {@link ServiceError}s. The wire formats of records are core's codecs; only the dataset shapes are written here.
 */
final class Operations {

    /** ListRecords page size when {@code maxResults} is absent, and the largest honoured. */
    static final int MAX_RECORDS_PAGE = 1024;
    /** ListDatasets page size when {@code maxResults} is absent. */
    static final int DEFAULT_DATASETS_PAGE = 20;
    /** The largest ListDatasets page honoured. */
    static final int MAX_DATASETS_PAGE = 60;

    private static final byte[] NO_RECORDS = UpdateRecordsCodec.encodeResponse(new UpdateRecordsResponse(List.of()));

    private final DatasetStore store;
    private final SessionTokens tokens;
    private final EmulatorLimits limits;
    private final Clock clock;
    private final Counters counters;

    Operations(DatasetStore store, SessionTokens tokens, EmulatorLimits limits, Clock clock, Counters counters) {
        this.store = store;
        this.tokens = tokens;
        this.limits = limits;
        this.clock = clock;
        this.counters = counters;
    }

    byte[] listRecords(DatasetRef dataset, Map<String, String> query) {
        ListRecordsRequest request = decode(() -> ListRecordsCodec.decodeRequest(dataset, query));
        long lastSyncCount = request.lastSyncCount() == null ? 0 : request.lastSyncCount();
        int pageSize = request.maxResults() == null ? MAX_RECORDS_PAGE
                : Math.min(request.maxResults(), MAX_RECORDS_PAGE);
        PageToken after = request.nextToken() == null ? null : PageToken.decode(request.nextToken());
        String sessionToken = request.syncSessionToken();
        if (sessionToken != null) {
            tokens.check(dataset, sessionToken, false);
        }
        DatasetState state = store.find(dataset);
        RecordsPage page;
        if (state != null) {
            page = state.list(lastSyncCount, after, pageSize);
        } else if (lastSyncCount > 0) {
            throw DatasetState.noSuchSyncCount(lastSyncCount);
        } else {
            page = RecordsPage.ABSENT;
        }
        if (sessionToken == null) {
            sessionToken = tokens.issue(dataset);
        }
        return ListRecordsCodec.encodeResponse(ListRecordsResponse.builder()
                .records(page.records())
                .nextToken(page.next() == null ? null : page.next().encode())
                .datasetSyncCount(page.datasetSyncCount())
                .lastModifiedBy(page.lastModifiedBy())
                .datasetExists(page.exists())
                .datasetDeletedAfterRequestedSyncCount(page.deletedAfterRequestedSyncCount())
                .syncSessionToken(sessionToken)
                .build());
    }

    byte[] updateRecords(DatasetRef dataset, String clientContext, byte[] body) {
        UpdateRecordsRequest request = decode(
                () -> UpdateRecordsCodec.decodeRequest(dataset, clientContext, body, 0, body.length));
        List<RecordPatch> patches = request.recordPatches();
        counters.updateRecordsCall(patches.size());
        tokens.check(dataset, request.syncSessionToken(), true);
        if (patches.isEmpty()) {
            return NO_RECORDS;
        }
        checkSizes(patches);
        List<Record> written = store.findOrCreate(dataset).update(patches, limits, now(), dataset.identityId());
        counters.applied(patches.size());
        return UpdateRecordsCodec.encodeResponse(new UpdateRecordsResponse(written));
    }

    byte[] describeDataset(DatasetRef dataset) {
        DatasetState state = store.find(dataset);
        Dataset summary = state == null ? null : state.describe();
        if (summary == null) {
            throw datasetNotFound(dataset);
        }
        return DatasetsCodec.encodeDataset(summary);
    }

    byte[] deleteDataset(DatasetRef dataset) {
        DatasetState state = store.find(dataset);
        Dataset summary = state == null ? null : state.delete();
        if (summary == null) {
            throw datasetNotFound(dataset);
        }
        return DatasetsCodec.encodeDataset(summary);
    }

    byte[] describeIdentityUsage(DatasetRef identity) {
        List<Dataset> datasets = store.list(identity.identityPoolId(), identity.identityId());
        long storage = 0;
        java.time.Instant modified = null;
        for (Dataset dataset : datasets) {
            storage += dataset.dataStorage();
            if (dataset.lastModifiedDate() != null
                    && (modified == null || dataset.lastModifiedDate().isAfter(modified))) {
                modified = dataset.lastModifiedDate();
            }
        }
        return DatasetsCodec.encodeIdentityUsage(new IdentityUsage(identity.identityPoolId(), identity.identityId(),
                datasets.size(), storage, modified));
    }

    byte[] listDatasets(DatasetRef identity, Map<String, String> query) {
        int pageSize = pageSize(query.get("maxResults"));
        String nextToken = query.get("nextToken");
        String after = nextToken == null || nextToken.isEmpty() ? null : PageToken.decode(nextToken).key();
        List<Dataset> all = store.list(identity.identityPoolId(), identity.identityId());
        int from = 0;
        if (after != null) {
            while (from < all.size() && all.get(from).datasetName().compareTo(after) <= 0) {
                from++;
            }
        }
        int to = Math.min(all.size(), from + pageSize);
        List<Dataset> page = all.subList(from, to);
        String next = to < all.size() ? new PageToken(-1, page.get(page.size() - 1).datasetName()).encode() : null;
        return DatasetsCodec.encodeList(new ListDatasetsResponse(page, page.size(), next));
    }

    private static int pageSize(String maxResults) {
        if (maxResults == null || maxResults.isEmpty()) {
            return DEFAULT_DATASETS_PAGE;
        }
        int value;
        try {
            value = Integer.parseInt(maxResults.trim());
        } catch (NumberFormatException e) {
            throw ServiceError.invalidParameter("maxResults: must be an integer, length " + maxResults.length());
        }
        if (value < 1) {
            throw ServiceError.invalidParameter("maxResults: must be >= 1, was " + value);
        }
        return Math.min(value, MAX_DATASETS_PAGE);
    }

    private void checkSizes(List<RecordPatch> patches) {
        for (int i = 0; i < patches.size(); i++) {
            RecordPatch patch = patches.get(i);
            int keyLength = codePoints(patch.key(), limits.maxKeyLength());
            if (keyLength > limits.maxKeyLength()) {
                throw ServiceError.limitExceeded("recordPatches[" + i + "].key: length must be at most "
                        + limits.maxKeyLength() + " characters, was " + keyLength);
            }
            if (patch.value() != null) {
                int valueLength = codePoints(patch.value(), limits.maxValueLength());
                if (valueLength > limits.maxValueLength()) {
                    throw ServiceError.limitExceeded("recordPatches[" + i + "].value: length must be at most "
                            + limits.maxValueLength() + " characters, was " + valueLength);
                }
            }
        }
    }

    /** Code points, counted only when the UTF-16 length could exceed the limit, as core does. */
    private static int codePoints(String value, int limit) {
        int length = value.length();
        return length > limit ? value.codePointCount(0, length) : length;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ServiceError datasetNotFound(DatasetRef dataset) {
        return ServiceError.notFound("Dataset " + dataset.datasetName() + " does not exist");
    }

    private static <T> T decode(Decoder<T> decoder) {
        try {
            return decoder.decode();
        } catch (ValidationException e) {
            throw ServiceError.invalidParameter(e.getMessage());
        }
    }

    /** A core decoding step, whose validation failures become 400 {@code InvalidParameterException}. */
    @FunctionalInterface
    private interface Decoder<T> {
        T decode();
    }
}
