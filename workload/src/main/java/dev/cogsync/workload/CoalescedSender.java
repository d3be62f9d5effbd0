package dev.cogsync.workload;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.reactor.CoalescingWriter;
import reactor.core.publisher.Mono;

/**
 * {@link PatchMode#COALESCED}: managed-mode writes through one writer, which tracks the sync counts. Not final:
 * {@link ExplicitSender} writes through a writer too, with counts of its own.
 */
class CoalescedSender implements PatchSender {

    private final CoalescingWriter writer;

    CoalescedSender(CoalescingWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Long> put(DatasetRef dataset, String key, String value) {
        return writer.put(dataset, key, value).map(Record::syncCount);
    }

    @Override
    public Mono<Long> remove(DatasetRef dataset, String key) {
        return writer.remove(dataset, key).map(Record::syncCount);
    }

    @Override
    public Mono<Long> submit(DatasetRef dataset, RecordPatch patch) {
        return writer.submit(dataset, patch).map(Record::syncCount);
    }

    @Override
    public Mono<Void> close() {
        return writer.close();
    }

    /** @return the writer, for its statistics */
    CoalescingWriter writer() {
        return writer;
    }
}
