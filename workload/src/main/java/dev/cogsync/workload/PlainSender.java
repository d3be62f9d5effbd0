package dev.cogsync.workload;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.reactor.CognitoSyncClient;
import reactor.core.publisher.Mono;

/**
 * {@link PatchMode#PLAIN}: one UpdateRecords per patch through the plain client, carrying the key's last sync count
 * and the dataset's session token.
 */
final class PlainSender implements PatchSender {

    private final CognitoSyncClient client;
    private final SyncCounts counts;

    PlainSender(CognitoSyncClient client) {
        this.client = client;
        this.counts = new SyncCounts(client);
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

    @Override
    public Mono<Long> submit(DatasetRef dataset, RecordPatch patch) {
        return submit(client, dataset, patch);
    }

    /**
     * One UpdateRecords of a patch as it is, with a session token from one ListRecords of the dataset.
     *
     * @return the record's new sync count
     */
    static Mono<Long> submit(CognitoSyncClient client, DatasetRef dataset, RecordPatch patch) {
        return client.listRecords(ListRecordsRequest.builder().dataset(dataset).maxResults(1).build())
                .flatMap(page -> update(client, dataset, patch, page.syncSessionToken()));
    }

    /**
     * One UpdateRecords of one patch.
     *
     * @return the record's new sync count
     */
    static Mono<Long> update(CognitoSyncClient client, DatasetRef dataset, RecordPatch patch, String sessionToken) {
        return client.updateRecords(UpdateRecordsRequest.builder()
                        .dataset(dataset)
                        .addRecordPatch(patch)
                        .syncSessionToken(sessionToken)
                        .build())
                .map(response -> response.records().get(0).syncCount());
    }

    private Mono<Long> update(DatasetRef dataset, RecordPatch patch, String sessionToken) {
        return update(client, dataset, patch, sessionToken);
    }

    @Override
    public Mono<Void> close() {
        // Nothing of its own: the client is closed by its owner.
        return Mono.empty();
    }
}
