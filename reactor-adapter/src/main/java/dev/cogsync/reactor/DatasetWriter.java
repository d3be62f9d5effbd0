package dev.cogsync.reactor;

import dev.cogsync.batch.BatchPlanner;
import dev.cogsync.batch.PatchSize;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import reactor.core.publisher.Mono;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One dataset's FIFO queue of writes, their admission against the dataset's bounds, their cancellation and
 * completion. The requests themselves are made by the dataset's {@link DatasetCycle}, of which at most one runs
 * at a time: that is the single-flight rule.
 *
 * <p>Everything marked "guarded" is read and written under this object's monitor. The critical sections are
 * short and never call out, so contention costs little, and a monitor (unlike a parking lock) is safe on an
 * event loop.
 */
final class DatasetWriter {

    /** What happened to an offered write. */
    enum Offer { ACCEPTED, RETIRED, DATASET_FULL, WRITER_FULL }

    final DatasetRef dataset;
    private final WriterCore core;
    private final DatasetCycle cycle;

    // Guarded.
    private final ArrayDeque<PendingWrite> queue = new ArrayDeque<>();
    private final Map<String, PendingWrite> queuedManaged = new HashMap<>();
    private int pendingPatches;
    private long pendingBytes;
    private boolean running;
    private boolean retired;
    private long idleSinceNanos = System.nanoTime();

    DatasetWriter(DatasetRef dataset, WriterCore core) {
        this.dataset = dataset;
        this.core = core;
        this.cycle = new DatasetCycle(this, core);
    }

    /**
     * Queues a write, or merges a managed write into a queued one for the same key, then starts the dataset's
     * cycle if it was idle.
     */
    Offer offer(PendingWrite write, WriteCall call) {
        PendingWrite target = write;
        boolean start = false;
        synchronized (this) {
            if (retired) {
                return Offer.RETIRED;
            }
            PendingWrite queued = write.managed ? queuedManaged.get(write.key) : null;
            if (queued != null) {
                // A merged caller is still a pending patch: it counts against the bounds like any other.
                long delta = write.estimatedBytes - queued.estimatedBytes;
                if (pendingPatches >= core.options.maxPendingPatchesPerDataset()
                        || delta > 0 && pendingBytes + delta > core.options.maxPendingBytesPerDataset()) {
                    return Offer.DATASET_FULL;
                }
                if (!core.budget.tryReserve(1, delta)) {
                    return Offer.WRITER_FULL;
                }
                queued.value = write.value;
                queued.remove = write.remove;
                queued.estimatedBytes = write.estimatedBytes;
                queued.callers.add(new PendingWrite.Caller(call, write.value, write.remove));
                pendingPatches++;
                pendingBytes += delta;
                target = queued;
            } else {
                if (pendingPatches >= core.options.maxPendingPatchesPerDataset()
                        || pendingBytes + write.estimatedBytes > core.options.maxPendingBytesPerDataset()) {
                    return Offer.DATASET_FULL;
                }
                if (!core.budget.tryReserve(1, write.estimatedBytes)) {
                    return Offer.WRITER_FULL;
                }
                write.callers.add(new PendingWrite.Caller(call, write.value, write.remove));
                queue.addLast(write);
                if (write.managed) {
                    queuedManaged.put(write.key, write);
                }
                pendingPatches++;
                pendingBytes += write.estimatedBytes;
                if (!running) {
                    running = true;
                    start = true;
                }
            }
        }
        PendingWrite cancellable = target;
        call.onCancel(() -> cancel(cancellable, call));
        if (start) {
            start();
        }
        return Offer.ACCEPTED;
    }

    private void start() {
        if (core.options.linger().isZero()) {
            core.dispatcher.schedule(this);
        } else {
            Mono.delay(core.options.linger()).subscribe(tick -> core.dispatcher.schedule(this));
        }
    }

    /** Runs one request cycle; called by the dispatcher with a permit held. */
    void runCycle() {
        cycle.run();
    }

    /** Takes the next request's writes off the queue, or ends the cycle and returns an empty list. */
    List<PendingWrite> takeBatch(int isolationCap) {
        synchronized (this) {
            int size = BatchPlanner.plan(queue, core.limits(isolationCap));
            if (size == 0) {
                running = false;
                idleSinceNanos = System.nanoTime();
                return List.of();
            }
            List<PendingWrite> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                PendingWrite write = queue.pollFirst();
                write.state = PendingWrite.State.SENDING;
                if (write.managed && queuedManaged.get(write.key) == write) {
                    queuedManaged.remove(write.key);
                }
                batch.add(write);
            }
            return batch;
        }
    }

    /** Puts writes that must be sent again back at the head of the queue, in their order. */
    void requeue(List<PendingWrite> writes) {
        synchronized (this) {
            for (int i = writes.size() - 1; i >= 0; i--) {
                PendingWrite write = writes.get(i);
                if (write.state == PendingWrite.State.DONE) {
                    continue;
                }
                write.state = PendingWrite.State.QUEUED;
                queue.addFirst(write);
                if (write.managed) {
                    queuedManaged.putIfAbsent(write.key, write);
                }
            }
        }
    }

    /** After a request: keep going if writes are queued, else go idle; either way the permit moves on. */
    void continueOrIdle() {
        boolean more;
        synchronized (this) {
            more = !queue.isEmpty();
            if (!more) {
                running = false;
                idleSinceNanos = System.nanoTime();
            }
        }
        if (more) {
            core.dispatcher.yieldTo(this);
        } else {
            core.dispatcher.release();
        }
    }

    /** Changes a managed write's value while it is not in flight, keeping the byte accounting right. */
    void rewrite(PendingWrite write, String value) {
        long delta;
        synchronized (this) {
            long bytes = PatchSize.of(write.key, value);
            delta = bytes - write.estimatedBytes;
            write.value = value;
            write.remove = value == null;
            write.estimatedBytes = bytes;
            pendingBytes += delta;
            PendingWrite.Caller last = write.callers.remove(write.callers.size() - 1);
            write.callers.add(new PendingWrite.Caller(last.call(), value, value == null));
        }
        // A merge may grow the write past the budget; it is already admitted, so the excess is carried.
        core.budget.release(0, -delta);
    }

    void succeed(PendingWrite write, Record record) {
        List<PendingWrite.Caller> callers = finish(write);
        if (callers != null) {
            core.metrics.written.add(callers.size());
            for (int i = 0; i < callers.size(); i++) {
                callers.get(i).call().success(record);
            }
        }
    }

    /**
     * Fails a write's callers. When an earlier request of the write lost its response and it is not known
     * whether that request was applied, its failure is attached as a suppressed exception, so the caller can
     * tell that the write may have been applied after all.
     */
    void fail(PendingWrite write, Throwable error) {
        for (PendingWrite.LostResponse lost : write.lostResponses) {
            if (!lost.settled && lost.cause != error && !java.util.Arrays.asList(error.getSuppressed())
                    .contains(lost.cause)) {
                error.addSuppressed(lost.cause);
            }
        }
        List<PendingWrite.Caller> callers = finish(write);
        if (callers != null) {
            core.metrics.failed.add(callers.size());
            for (int i = 0; i < callers.size(); i++) {
                callers.get(i).call().error(error);
            }
        }
    }

    /**
     * Marks a write done exactly once and frees its room (one patch per caller, and its bytes); returns its
     * callers, or null if it was already done.
     */
    private List<PendingWrite.Caller> finish(PendingWrite write) {
        List<PendingWrite.Caller> callers;
        long bytes;
        synchronized (this) {
            if (write.state == PendingWrite.State.DONE) {
                return null;
            }
            if (write.state == PendingWrite.State.QUEUED) {
                queue.remove(write);
                if (write.managed && queuedManaged.get(write.key) == write) {
                    queuedManaged.remove(write.key);
                }
            }
            write.state = PendingWrite.State.DONE;
            callers = write.callers;
            write.callers = List.of();
            bytes = write.estimatedBytes;
            pendingPatches -= callers.size();
            pendingBytes -= bytes;
        }
        core.budget.release(callers.size(), bytes);
        core.roomFreed();
        return callers;
    }

    /**
     * A caller cancelled. Its value is withdrawn: a merged write goes back to the previous caller's value, and a
     * write none of whose callers remain is dropped, if it has not been sent.
     */
    private void cancel(PendingWrite write, WriteCall call) {
        int freedPatches;
        long freedBytes = 0;
        synchronized (this) {
            int index = indexOf(write.callers, call);
            if (write.state != PendingWrite.State.QUEUED || index < 0) {
                return;
            }
            core.metrics.cancelled.increment();
            write.callers.remove(index);
            freedPatches = 1;
            pendingPatches--;
            if (write.callers.isEmpty()) {
                queue.remove(write);
                if (write.managed && queuedManaged.get(write.key) == write) {
                    queuedManaged.remove(write.key);
                }
                write.state = PendingWrite.State.DONE;
                freedBytes = write.estimatedBytes;
                pendingBytes -= freedBytes;
            } else if (index == write.callers.size()) {
                PendingWrite.Caller now = write.callers.get(index - 1);
                long bytes = PatchSize.of(write.key, now.value());
                freedBytes = write.estimatedBytes - bytes;
                write.value = now.value();
                write.remove = now.remove();
                write.estimatedBytes = bytes;
                pendingBytes -= freedBytes;
            }
        }
        core.budget.release(freedPatches, freedBytes);
        core.roomFreed();
    }

    private static int indexOf(List<PendingWrite.Caller> callers, WriteCall call) {
        for (int i = 0; i < callers.size(); i++) {
            if (callers.get(i).call() == call) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Retires the dataset if it has been idle for at least {@code idleNanos}: nothing queued, in flight or
     * backing off. A retired dataset refuses writes, and its state (session token, sync counts) is dropped.
     */
    boolean retireIfIdle(long idleNanos) {
        synchronized (this) {
            if (retired || running || pendingPatches > 0 || System.nanoTime() - idleSinceNanos < idleNanos) {
                return false;
            }
            retired = true;
            return true;
        }
    }

    /** Closes the dataset for good: fails what is queued and what is in flight. */
    void abort(java.util.function.Function<PendingWrite, Throwable> error) {
        List<PendingWrite> queued;
        synchronized (this) {
            retired = true;
            queued = new ArrayList<>(queue);
        }
        queued.forEach(write -> fail(write, error.apply(write)));
        cycle.abort(error);
    }
}
