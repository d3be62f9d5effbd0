package dev.cogsync.workload;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import reactor.core.publisher.Mono;

/**
 * One way of writing a record, as a harness drives it: the same call for every harness and every {@link PatchMode},
 * so that harnesses differ only in how they drive writers and modes differ only in how they write.
 *
 * <p>Implementations are thread-safe. A sender that carries sync counts ({@link PatchMode#EXPLICIT},
 * {@link PatchMode#PLAIN}) expects one write in flight per key; two writers sharing a key meet conflicts, which it
 * resolves by listing again, a bounded number of times, like any client that carries counts.
 */
public interface PatchSender {

    /**
     * Sets a record's value.
     *
     * @param dataset the dataset
     * @param key the record
     * @param value the new value
     * @return the record's new sync count, once the service has acknowledged the write
     */
    Mono<Long> put(DatasetRef dataset, String key, String value);

    /**
     * Removes a record.
     *
     * @param dataset the dataset
     * @param key the record
     * @return the removed record's new sync count, once the service has acknowledged the removal
     */
    Mono<Long> remove(DatasetRef dataset, String key);

    /**
     * Writes a patch as it is, with the sync count it carries: the caller's claim of the record's current count, as
     * in the coalescer's explicit mode. A stale count fails the write with the service's conflict, which is not
     * retried.
     *
     * @param dataset the dataset
     * @param patch the patch
     * @return the record's new sync count, once the service has acknowledged the write
     */
    Mono<Long> submit(DatasetRef dataset, RecordPatch patch);

    /**
     * Ends the writes in flight and releases what the sender holds, but not the client it was given.
     *
     * @return completes once closed
     */
    Mono<Void> close();
}
