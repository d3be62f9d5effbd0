package dev.cogsync.reactor;

import dev.cogsync.model.DatasetRef;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The writer's datasets: finds or creates a dataset's {@link DatasetWriter} within the bound on active
 * datasets, evicts idle ones, and retries an offer that met a dataset retired under it.
 */
final class DatasetRegistry {

    private final WriterCore core;
    private final ConcurrentHashMap<DatasetRef, DatasetWriter> datasets = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();

    DatasetRegistry(WriterCore core) {
        this.core = core;
    }

    /**
     * Offers a write to its dataset.
     *
     * @return the dataset's answer, or {@code null} when no dataset could be made active
     */
    DatasetWriter.Offer offer(DatasetRef dataset, PendingWrite write, WriteCall call) {
        while (true) {
            DatasetWriter writer = datasets.get(dataset);
            if (writer == null) {
                writer = create(dataset);
                if (writer == null) {
                    return null;
                }
            }
            DatasetWriter.Offer offer = writer.offer(write, call);
            if (offer != DatasetWriter.Offer.RETIRED) {
                return offer;
            }
            if (datasets.remove(dataset, writer)) {
                active.decrementAndGet();
            }
        }
    }

    private DatasetWriter create(DatasetRef dataset) {
        if (active.get() >= core.options.maxActiveDatasets()) {
            evictIdle(0);
        }
        while (true) {
            int current = active.get();
            if (current >= core.options.maxActiveDatasets()) {
                return null;
            }
            if (active.compareAndSet(current, current + 1)) {
                break;
            }
        }
        DatasetWriter created = new DatasetWriter(dataset, core);
        DatasetWriter existing = datasets.putIfAbsent(dataset, created);
        if (existing != null) {
            active.decrementAndGet();
            return existing;
        }
        return created;
    }

    /** Retires and forgets every dataset idle for at least {@code idleNanos}. */
    void evictIdle(long idleNanos) {
        datasets.forEach((dataset, writer) -> {
            if (writer.retireIfIdle(idleNanos) && datasets.remove(dataset, writer)) {
                active.decrementAndGet();
            }
        });
    }

    int active() {
        return active.get();
    }

    void forEach(Consumer<DatasetWriter> action) {
        datasets.values().forEach(action);
    }
}
