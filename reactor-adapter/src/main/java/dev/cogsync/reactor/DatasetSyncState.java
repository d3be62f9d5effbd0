package dev.cogsync.reactor;

import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;

/**
 * What the writer knows of one dataset on the server: its session token, the sync count of every record (for
 * managed writes) and the dataset's own count, refreshed by ListRecords and by every UpdateRecords response.
 * Confined to the dataset's single running cycle.
 */
final class DatasetSyncState {

    private static final int PAGE_SIZE = 1024;

    private final DatasetRef dataset;
    private final WriterCore core;

    private String token;
    private int tokenUses;
    private boolean singleUseTokens;
    /** Each key's count, in a mutable cell so that the update after every write allocates nothing. */
    private final Map<String, long[]> knownCounts = new HashMap<>();
    private boolean countsComplete;
    private long datasetSyncCount;

    DatasetSyncState(DatasetRef dataset, WriterCore core) {
        this.dataset = dataset;
        this.core = core;
    }

    String token() {
        return token;
    }

    long knownSyncCount(String key) {
        long[] count = knownCounts.get(key);
        return count == null ? 0 : count[0];
    }

    /** Lists what the next request needs: a token, and for managed writes every record's sync count. */
    Mono<Void> prepare(boolean managedWrites) {
        if (managedWrites && !countsComplete) {
            return listAll().then();
        }
        if (token != null && !singleUseTokens) {
            return Mono.empty();
        }
        if (countsComplete) {
            return listSince();
        }
        // Explicit writes carry their own counts: one small page is enough for a token.
        return core.listRecords(ListRecordsRequest.builder().dataset(dataset).maxResults(1).build())
                .doOnNext(page -> {
                    takeToken(page);
                    datasetSyncCount = Math.max(datasetSyncCount, page.datasetSyncCount());
                })
                .then();
    }

    /** Every record of the dataset, which also replaces the known counts and the token. */
    Mono<Map<String, Record>> listAll() {
        Map<String, Record> records = new HashMap<>();
        return pages(ListRecordsRequest.builder().dataset(dataset).maxResults(PAGE_SIZE).build())
                .doOnNext(page -> page.records().forEach(record -> records.put(record.key(), record)))
                .last()
                .map(lastPage -> {
                    knownCounts.clear();
                    records.values().forEach(record -> learnCount(record.key(), record.syncCount()));
                    countsComplete = true;
                    datasetSyncCount = lastPage.datasetSyncCount();
                    takeToken(lastPage);
                    return records;
                });
    }

    private Mono<Void> listSince() {
        if (datasetSyncCount == 0) {
            return listAll().then();
        }
        return pages(ListRecordsRequest.builder().dataset(dataset).lastSyncCount(datasetSyncCount)
                .maxResults(PAGE_SIZE).build())
                .doOnNext(page -> page.records().forEach(this::learn))
                .last()
                .doOnNext(lastPage -> {
                    datasetSyncCount = Math.max(datasetSyncCount, lastPage.datasetSyncCount());
                    takeToken(lastPage);
                })
                .then()
                // The dataset was deleted and created again since: its counts restarted.
                .onErrorResume(e -> e instanceof CognitoSyncServiceException s && s.errorMessage() != null
                        && s.errorMessage().startsWith("No such SyncCount"), e -> listAll().then());
    }

    private reactor.core.publisher.Flux<ListRecordsResponse> pages(ListRecordsRequest first) {
        return core.listRecords(first).expand(page -> page.nextToken() == null ? Mono.empty()
                : core.listRecords(first.withNextToken(page.nextToken())));
    }

    private void takeToken(ListRecordsResponse page) {
        if (page.syncSessionToken() != null) {
            token = page.syncSessionToken();
            tokenUses = 0;
        }
    }

    /** A record the server returned; its count is now the one to send. */
    void learn(Record record) {
        learn(record.key(), record.syncCount());
    }

    /** A key's count as the server returned it; pass the caller's own key String, whose hash is cached. */
    void learn(String key, long syncCount) {
        learnCount(key, syncCount);
        if (syncCount > datasetSyncCount) {
            datasetSyncCount = syncCount;
        }
    }

    void learnCount(String key, long syncCount) {
        long[] cell = knownCounts.get(key);
        if (cell == null) {
            knownCounts.put(key, new long[]{syncCount});
        } else {
            cell[0] = syncCount;
        }
    }

    /** An UpdateRecords succeeded with the current token. */
    void tokenUsed() {
        tokenUses++;
    }

    /**
     * The service rejected the token. A token that served exactly one request before failing is single-use,
     * so from now on every request lists for a fresh one; one that served several had expired.
     */
    void tokenRejected() {
        if (tokenUses == 1) {
            singleUseTokens = true;
        }
        token = null;
    }
}
