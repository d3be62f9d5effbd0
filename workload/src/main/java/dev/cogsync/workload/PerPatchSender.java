package dev.cogsync.workload;

import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.reactor.CognitoSyncClient;
import reactor.core.publisher.Mono;

import java.util.function.LongFunction;

/**
 * {@link PatchMode#PER_PATCH}: the plain client, used the way an SDK user writes it, with no state between patches.
 * For every patch: ListRecords (every page) for a session token and the key's sync count, then one UpdateRecords
 * with that one patch. When another writer changed the key in between, the service answers with a conflict: list
 * again and retry, up to {@link PatchMode#MAX_CONFLICT_RETRIES} times. Throttling and transient failures are retried
 * by the client's retry policy, as in the other modes.
 */
final class PerPatchSender implements PatchSender {

    private final CognitoSyncClient client;

    PerPatchSender(CognitoSyncClient client) {
        this.client = client;
    }

    @Override
    public Mono<Long> put(DatasetRef dataset, String key, String value) {
        return attempt(dataset, key, count -> RecordPatch.replace(key, value, count), 0);
    }

    @Override
    public Mono<Long> remove(DatasetRef dataset, String key) {
        return attempt(dataset, key, count -> RecordPatch.remove(key, count), 0);
    }

    @Override
    public Mono<Long> submit(DatasetRef dataset, RecordPatch patch) {
        return PlainSender.submit(client, dataset, patch);
    }

    private Mono<Long> attempt(DatasetRef dataset, String key, LongFunction<RecordPatch> patch, int conflicts) {
        return client.listRecordsPages(ListRecordsRequest.of(dataset))
                .reduceWith(() -> new Lookup(key), Lookup::add)
                .flatMap(lookup -> PlainSender.update(client, dataset, patch.apply(lookup.syncCount),
                        lookup.sessionToken))
                .onErrorResume(error -> conflicts < PatchMode.MAX_CONFLICT_RETRIES && isConflict(error),
                        error -> attempt(dataset, key, patch, conflicts + 1));
    }

    private static boolean isConflict(Throwable error) {
        return error instanceof CognitoSyncServiceException service && service.isConflict();
    }

    @Override
    public Mono<Void> close() {
        // Nothing of its own: the client is closed by its owner.
        return Mono.empty();
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
