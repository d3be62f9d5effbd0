package dev.cogsync.reactor;

import dev.cogsync.model.DatasetRef;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The writer's datasets: finds or creates a dataset's {@link DatasetWrites} within the bound on active datasets,
 * evicts idle ones, and retries an offer that met a dataset retired under it.
 */
final class DatasetRegistry {

    private final WriterCore core;
    private final ConcurrentHashMap<DatasetRef, DatasetWrites> datasets = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();

    DatasetRegistry(WriterCore core) {
        this.core = core;
    }

    /**
     * Offers a write to its dataset.
     *
     * @return the dataset's answer, or {@code null} when no dataset could be made active
     */
    WriteQueue.Offer offer(DatasetRef dataset, PendingWrite write, WriteCall call, long deadlineNanos,
                           java.time.Duration timeout) {
        while (true) {
            DatasetWrites writes = datasets.get(dataset);
            if (writes == null) {
                writes = create(dataset);
                if (writes == null) {
                    return null;
                }
            }
            WriteQueue.Offer offer = writes.offer(write, call, deadlineNanos, timeout);
            if (offer != WriteQueue.Offer.RETIRED) {
                return offer;
            }
            if (datasets.remove(dataset, writes)) {
                active.decrementAndGet();
            }
        }
    }

    /**
     * The dataset's state machine, created if needed: for operations that are not writes (a delete). A dataset
     * retired meanwhile is replaced.
     *
     * @return it, or {@code null} when no dataset could be made active
     */
    DatasetWrites activate(DatasetRef dataset) {
        DatasetWrites writes = datasets.get(dataset);
        if (writes != null && writes.state() != DatasetWrites.State.RETIRED) {
            return writes;
        }
        if (writes != null && datasets.remove(dataset, writes)) {
            active.decrementAndGet();
        }
        return create(dataset);
    }

    private DatasetWrites create(DatasetRef dataset) {
        if (active.get() >= core.options.maxActiveDatasets()) {
            evictIdle(0);
        }
        while (true) {
            int current = active.get();
            if (current >= core.options.maxActiveDatasets()) {
                core.metrics.datasetBoundReached.increment();
                core.log.warn("cogsync: the writer holds its most active datasets ({}), none idle; a write to a "
                        + "new dataset is refused (raise WriterOptions.maxActiveDatasets)",
                        core.options.maxActiveDatasets());
                return null;
            }
            if (active.compareAndSet(current, current + 1)) {
                break;
            }
        }
        DatasetWrites created = new DatasetWrites(dataset, core);
        DatasetWrites existing = datasets.putIfAbsent(dataset, created);
        if (existing != null) {
            active.decrementAndGet();
            return existing;
        }
        return created;
    }

    /** Retires and forgets every dataset idle for at least {@code idleNanos}. */
    void evictIdle(long idleNanos) {
        long now = core.timer.nanoTime();
        datasets.forEach((dataset, writes) -> {
            if (writes.retireIfIdle(idleNanos, now) && datasets.remove(dataset, writes)) {
                active.decrementAndGet();
            }
        });
    }

    int active() {
        return active.get();
    }

    void forEach(Consumer<DatasetWrites> action) {
        datasets.values().forEach(action);
    }
}
