package dev.cogsync.workload;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.reactor.CognitoSyncClient;
import reactor.core.publisher.Mono;

/**
 * One UpdateRecords per patch through the plain client, with a session token and the key's sync count from a
 * listing of the dataset: {@link PatchMode#PLAIN} keeps both from write to write, listing only when either is
 * unknown or stale; {@link PatchMode#PER_PATCH}, the way an SDK user writes it with no state, lists the dataset
 * (every page) before every patch. Both list again after a conflict, up to {@link PatchMode#MAX_CONFLICT_RETRIES}
 * times; throttling and transient failures are the client's retry policy's.
 */
final class PlainSender implements PatchSender {

    private final CognitoSyncClient client;
    private final SyncCounts counts;

    /**
     * @param client the client
     * @param remember whether to keep what listings and writes showed ({@link PatchMode#PLAIN}) or to list before
     *     every patch ({@link PatchMode#PER_PATCH})
     */
    PlainSender(CognitoSyncClient client, boolean remember) {
        this.client = client;
        this.counts = new SyncCounts(client, remember);
    }

    @Override
    public Mono<Long> put(DatasetRef dataset, String key, String value) {
        return counts.write(dataset, key, (listing, count) ->
                update(dataset, RecordPatch.replace(key, value, count), listing.sessionToken()));
    }

    @Override
    public Mono<Long> remove(DatasetRef dataset, String key) {
        return counts.write(dataset, key, (listing, count) ->
                update(dataset, RecordPatch.remove(key, count), listing.sessionToken()));
    }

    /** One UpdateRecords of the patch as it is, with a session token from one ListRecords of the dataset. */
    @Override
    public Mono<Long> submit(DatasetRef dataset, RecordPatch patch) {
        return client.listRecords(ListRecordsRequest.builder().dataset(dataset).maxResults(1).build())
                .flatMap(page -> update(dataset, patch, page.syncSessionToken()));
    }

    /** One UpdateRecords of one patch; returns the record's new sync count. */
    private Mono<Long> update(DatasetRef dataset, RecordPatch patch, String sessionToken) {
        return client.updateRecords(UpdateRecordsRequest.builder()
                        .dataset(dataset)
                        .addRecordPatch(patch)
                        .syncSessionToken(sessionToken)
                        .build())
                .map(response -> response.records().get(0).syncCount());
    }

    @Override
    public Mono<Void> close() {
        // Nothing of its own: the client is closed by its owner.
        return Mono.empty();
    }
}
