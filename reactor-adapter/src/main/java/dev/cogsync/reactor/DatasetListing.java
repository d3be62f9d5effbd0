package dev.cogsync.reactor;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;

import java.util.HashMap;
import java.util.Map;

/**
 * A dataset's ListRecords in progress, page by page, for {@link DatasetWrites}: a failed page starts it again from
 * the first.
 */
final class DatasetListing {

    private static final int PAGE_SIZE = 1024;


    enum Kind {
        /** One small page, for a session token. */
        TOKEN,
        /** The records changed since the known dataset count, which update the known counts. */
        SINCE,
        /** Every record, which replaces what is known. */
        ALL
    }

    final Kind kind;
    final ListRecordsRequest first;
    ListRecordsRequest next;
    final Map<String, Record> records = new HashMap<>();

    private DatasetListing(Kind kind, ListRecordsRequest first) {
        this.kind = kind;
        this.first = first;
        this.next = first;
    }

    static DatasetListing token(DatasetRef dataset) {
        return new DatasetListing(Kind.TOKEN, ListRecordsRequest.builder().dataset(dataset).maxResults(1).build());
    }

    static DatasetListing since(DatasetRef dataset, long count) {
        return new DatasetListing(Kind.SINCE, ListRecordsRequest.builder().dataset(dataset).lastSyncCount(count)
                .maxResults(PAGE_SIZE).build());
    }

    static DatasetListing all(DatasetRef dataset) {
        return new DatasetListing(Kind.ALL, ListRecordsRequest.builder().dataset(dataset).maxResults(PAGE_SIZE)
                .build());
    }

    /** Takes a page in; {@code true} when it was the last one. */
    boolean accept(ListRecordsResponse page, DatasetSyncState sync) {
        if (kind == Kind.ALL) {
            page.records().forEach(record -> records.put(record.key(), record));
        } else if (kind == Kind.SINCE) {
            page.records().forEach(sync::learn);
        }
        if (kind != Kind.TOKEN && page.nextToken() != null) {
            next = first.withNextToken(page.nextToken());
            return false;
        }
        return true;
    }

    void restart() {
        next = first;
        records.clear();
    }
}
