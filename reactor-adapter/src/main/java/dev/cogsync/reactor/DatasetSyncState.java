package dev.cogsync.reactor;

import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;

import java.util.HashMap;
import java.util.Map;

/**
 * What the writer knows of one dataset on the server: its session token, the sync count of every record (for
 * managed writes) and the dataset's own count, learnt from ListRecords pages and UpdateRecords responses. Plain
 * data, confined to the dataset's drain loop.
 */
final class DatasetSyncState {

    private String token;
    private int tokenUses;
    private boolean singleUseTokens;
    /** Each key's count, in a mutable cell so that the update after every write allocates nothing. */
    private final Map<String, long[]> knownCounts = new HashMap<>();
    private boolean countsComplete;
    private long datasetSyncCount;

    String token() {
        return token;
    }

    /** Whether the next UpdateRecords needs a ListRecords first for its token. */
    boolean needsToken() {
        return token == null || singleUseTokens && tokenUses > 0;
    }

    boolean countsComplete() {
        return countsComplete;
    }

    long datasetSyncCount() {
        return datasetSyncCount;
    }

    long knownSyncCount(String key) {
        long[] count = knownCounts.get(key);
        return count == null ? 0 : count[0];
    }

    /** Every record of the dataset, read across all pages: it replaces what was known. */
    void replaceAll(Map<String, Record> records, ListRecordsResponse lastPage) {
        knownCounts.clear();
        records.values().forEach(record -> learnCount(record.key(), record.syncCount()));
        countsComplete = true;
        datasetSyncCount = lastPage.datasetSyncCount();
        takeToken(lastPage);
    }

    /** The last page of a listing that did not read everything: its token and count. */
    void listed(ListRecordsResponse lastPage) {
        datasetSyncCount = Math.max(datasetSyncCount, lastPage.datasetSyncCount());
        takeToken(lastPage);
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

    /**
     * The dataset was deleted: it holds no record now, and its next UpdateRecords creates it again with counts
     * starting over; the token of the deleted dataset is dropped.
     */
    void deleted() {
        knownCounts.clear();
        countsComplete = true;
        datasetSyncCount = 0;
        token = null;
        tokenUses = 0;
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
