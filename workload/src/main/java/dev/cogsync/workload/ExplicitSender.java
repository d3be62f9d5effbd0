package dev.cogsync.workload;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import reactor.core.publisher.Mono;

/**
 * {@link PatchMode#EXPLICIT}: {@code submit}s through one writer, each carrying the key's last sync count. Submits
 * and closing are the coalesced sender's.
 */
final class ExplicitSender extends CoalescedSender {

    private final SyncCounts counts;

    ExplicitSender(CognitoSyncClient client, CoalescingWriter writer) {
        super(writer);
        this.counts = new SyncCounts(client, true);
    }

    @Override
    public Mono<Long> put(DatasetRef dataset, String key, String value) {
        return counts.write(dataset, key, (listing, count) ->
                writer().submit(dataset, RecordPatch.replace(key, value, count)).map(Record::syncCount));
    }

    @Override
    public Mono<Long> remove(DatasetRef dataset, String key) {
        return counts.write(dataset, key, (listing, count) ->
                writer().submit(dataset, RecordPatch.remove(key, count)).map(Record::syncCount));
    }
}
