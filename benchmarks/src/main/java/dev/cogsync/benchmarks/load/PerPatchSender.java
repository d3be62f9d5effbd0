package dev.cogsync.benchmarks.load;

import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import dev.cogsync.reactor.CognitoSyncClient;
import reactor.core.publisher.Mono;

/**
 * {@link Mode#PER_PATCH}: the plain client, used the way an SDK user writes it. For every patch: ListRecords (every
 * page) for a session token and the key's sync count, then one UpdateRecords with that one patch. When another
 * writer changed the key in between, the service answers with a conflict: list again and retry, up to
 * {@value #MAX_CONFLICT_RETRIES} times (as many as the coalescer resolves by default). Throttling and transient
 * failures are retried by the client's retry policy, as in coalesced mode.
 */
final class PerPatchSender implements PatchSender {

    /** Conflicts one patch may resolve before it fails: the coalescer's default {@code maxConflictRetries}. */
    static final int MAX_CONFLICT_RETRIES = 5;

    private final CognitoSyncClient client;

    PerPatchSender(CognitoSyncClient client) {
        this.client = client;
    }

    @Override
    public Mono<?> send(DatasetRef dataset, String key, String value) {
        return attempt(dataset, key, value, 0);
    }

    private Mono<UpdateRecordsResponse> attempt(DatasetRef dataset, String key, String value, int conflicts) {
        return client.listRecordsPages(ListRecordsRequest.of(dataset))
                .reduceWith(() -> new Lookup(key), Lookup::add)
                .flatMap(lookup -> client.updateRecords(UpdateRecordsRequest.builder()
                        .dataset(dataset)
                        .addRecordPatch(RecordPatch.replace(key, value, lookup.syncCount))
                        .syncSessionToken(lookup.sessionToken)
                        .build()))
                .onErrorResume(error -> conflicts < MAX_CONFLICT_RETRIES && isConflict(error),
                        error -> attempt(dataset, key, value, conflicts + 1));
    }

    private static boolean isConflict(Throwable error) {
        return error instanceof CognitoSyncServiceException service && service.isConflict();
    }

    @Override
    public void close() {
        // Nothing of its own: the client is closed by its owner.
    }

    /** What the listing says about one key: its sync count (0 when absent) and a session token for the dataset. */
    private static final class Lookup {
        private final String key;
        private long syncCount;
        private String sessionToken;

        Lookup(String key) {
            this.key = key;
        }

        Lookup add(ListRecordsResponse page) {
            if (sessionToken == null) {
                sessionToken = page.syncSessionToken();
            }
            for (Record record : page.records()) {
                if (record.key().equals(key)) {
                    syncCount = record.syncCount();
                }
            }
            return this;
        }
    }
}
