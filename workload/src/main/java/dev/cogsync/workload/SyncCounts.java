package dev.cogsync.workload;

import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.exception.InvalidParameterException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;
import dev.cogsync.reactor.CognitoSyncClient;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * What a client that carries sync counts knows of each dataset: a session token and the last sync count of each
 * key it has seen. Unknown datasets are listed (every page); a write that meets a conflict or a rejected token
 * forgets the dataset, lists it again and retries, up to {@link PatchMode#MAX_CONFLICT_RETRIES} times.
 */
final class SyncCounts {

    private final CognitoSyncClient client;
    private final Map<DatasetRef, Listing> datasets = new ConcurrentHashMap<>();

    SyncCounts(CognitoSyncClient client) {
        this.client = client;
    }

    /** A dataset as last listed, plus the counts that writes returned since. */
    static final class Listing {
        private volatile String sessionToken;
        private final Map<String, Long> counts = new ConcurrentHashMap<>();

        /** @return the session token of the listing */
        String sessionToken() {
            return sessionToken;
        }

        /**
         * @param key the record
         * @return its last known sync count; 0 when the listing did not have it
         */
        long count(String key) {
            return counts.getOrDefault(key, 0L);
        }
    }

    /**
     * Writes a patch with what is known of its dataset, and keeps the sync count the write returns.
     *
     * @param dataset the dataset
     * @param key the record
     * @param write sends the patch, given the dataset's listing and the key's count, and returns the new count
     * @return the new count
     */
    Mono<Long> write(DatasetRef dataset, String key, BiFunction<Listing, Long, Mono<Long>> write) {
        return attempt(dataset, key, write, 0);
    }

    private Mono<Long> attempt(DatasetRef dataset, String key, BiFunction<Listing, Long, Mono<Long>> write,
                               int retries) {
        return Mono.defer(() -> {
                    Listing known = datasets.get(dataset);
                    return known != null ? Mono.just(known) : list(dataset);
                })
                .flatMap(listing -> write.apply(listing, listing.count(key))
                        .doOnNext(count -> listing.counts.merge(key, count, Math::max)))
                .onErrorResume(error -> retries < PatchMode.MAX_CONFLICT_RETRIES && isStale(error), error -> {
                    datasets.remove(dataset);
                    return attempt(dataset, key, write, retries + 1);
                });
    }

    private Mono<Listing> list(DatasetRef dataset) {
        return client.listRecordsPages(ListRecordsRequest.of(dataset))
                .reduceWith(Listing::new, SyncCounts::add)
                .doOnNext(listing -> datasets.put(dataset, listing));
    }

    private static Listing add(Listing listing, ListRecordsResponse page) {
        if (listing.sessionToken == null) {
            listing.sessionToken = page.syncSessionToken();
        }
        for (Record record : page.records()) {
            listing.counts.merge(record.key(), record.syncCount(), Math::max);
        }
        return listing;
    }

    /** A conflict (another writer moved the key on), or a session token that is no longer good. */
    private static boolean isStale(Throwable error) {
        return error instanceof CognitoSyncServiceException service && (service.isConflict()
                || service instanceof InvalidParameterException && service.errorMessage() != null
                && service.errorMessage().contains("SyncSessionToken"));
    }
}
