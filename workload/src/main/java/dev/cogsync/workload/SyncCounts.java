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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * Where a write's session token and sync count come from: a listing of its dataset (every page). A write that
 * meets a conflict or a rejected token lists again and retries, up to {@link PatchMode#MAX_CONFLICT_RETRIES} times.
 *
 * <p>Remembering, it keeps what listings and writes showed of each dataset, and lists a dataset only the first time
 * a write needs it and after a conflict: one listing at a time per dataset, shared by the writes that wait for it,
 * merged into what is known (the higher count of each key wins), so that the writers of a dataset never undo each
 * other's counts. Not remembering, it lists before every write, as a client without state does.
 */
final class SyncCounts {

    private final CognitoSyncClient client;
    private final boolean remember;
    private final Map<DatasetRef, Listing> datasets = new ConcurrentHashMap<>();

    SyncCounts(CognitoSyncClient client, boolean remember) {
        this.client = client;
        this.remember = remember;
    }

    /** What is known of one dataset, for as long as the sender lives. */
    static final class Listing {
        private volatile String sessionToken;
        private final Map<String, Long> counts = new ConcurrentHashMap<>();
        private final AtomicReference<Mono<Listing>> listing = new AtomicReference<>();

        /** @return the session token of the latest listing */
        String sessionToken() {
            return sessionToken;
        }

        /**
         * @param key the record
         * @return its last known sync count; 0 when no listing or write has shown it
         */
        long count(String key) {
            return counts.getOrDefault(key, 0L);
        }

        private Listing add(ListRecordsResponse page) {
            if (page.syncSessionToken() != null) {
                sessionToken = page.syncSessionToken();
            }
            for (Record record : page.records()) {
                counts.merge(record.key(), record.syncCount(), Math::max);
            }
            return this;
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
                    Listing known = remember ? datasets.computeIfAbsent(dataset, d -> new Listing()) : new Listing();
                    return known.sessionToken != null && retries == 0 ? Mono.just(known) : list(dataset, known);
                })
                .flatMap(listing -> write.apply(listing, listing.count(key))
                        .doOnNext(count -> listing.counts.merge(key, count, Math::max)))
                .onErrorResume(error -> retries < PatchMode.MAX_CONFLICT_RETRIES && isStale(error),
                        error -> attempt(dataset, key, write, retries + 1));
    }

    /** Lists the dataset into what is known of it, or joins the listing already under way. */
    private Mono<Listing> list(DatasetRef dataset, Listing into) {
        while (true) {
            Mono<Listing> underWay = into.listing.get();
            if (underWay != null) {
                return underWay;
            }
            AtomicReference<Mono<Listing>> self = new AtomicReference<>();
            Mono<Listing> listing = client.listRecordsPages(ListRecordsRequest.of(dataset))
                    .reduce(into, Listing::add)
                    .doFinally(signal -> into.listing.compareAndSet(self.get(), null))
                    .cache();
            self.set(listing);
            if (into.listing.compareAndSet(null, listing)) {
                return listing;
            }
        }
    }

    /** A conflict (another writer moved the key on), or a session token that is no longer good. */
    private static boolean isStale(Throwable error) {
        return error instanceof CognitoSyncServiceException service && (service.isConflict()
                || service instanceof InvalidParameterException && service.errorMessage() != null
                && service.errorMessage().contains("SyncSessionToken"));
    }
}
