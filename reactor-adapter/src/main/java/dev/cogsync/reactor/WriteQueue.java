package dev.cogsync.reactor;

import dev.cogsync.batch.BatchLimits;
import dev.cogsync.batch.BatchPlanner;
import dev.cogsync.batch.PatchSize;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One dataset's FIFO of writes and their callers: admission against the dataset's and the writer's bounds,
 * merging of managed writes to one key, withdrawal of a caller (cancelled, or past its deadline), and the
 * accounting of what is pending. The only part of a dataset that callers' threads touch; every method holds this
 * object's monitor for a few field updates and never calls out, which is safe and cheap on an event loop.
 */
final class WriteQueue {

    /** What happened to an offered write. */
    enum Offer { ACCEPTED, RETIRED, DATASET_FULL, WRITER_FULL }

    /** The answer to an offer, and when accepted the write that now carries the caller's patch. */
    record Admission(Offer offer, PendingWrite holder, boolean kick) {
        static final Admission RETIRED = new Admission(Offer.RETIRED, null, false);
        static final Admission DATASET_FULL = new Admission(Offer.DATASET_FULL, null, false);
        static final Admission WRITER_FULL = new Admission(Offer.WRITER_FULL, null, false);
    }

    private final WriterCore core;
    private final ArrayDeque<PendingWrite> queue = new ArrayDeque<>();
    private final Map<String, PendingWrite> queuedManaged = new HashMap<>();
    /** Callers pending: queued, in flight or held; one patch each against the bounds. */
    private int pendingPatches;
    private long pendingBytes;
    private boolean retired;
    /** No caller pending has an earlier deadline; it may be earlier than the earliest actual one. */
    private long earliestDeadline = Long.MAX_VALUE;
    /** The drain loop found nothing to do and went idle: the next offer must wake it. */
    private boolean idle = true;
    /** Tickets handed out: every write accepted gets the next one. */
    private long tickets;
    /** The last ticket accepted before the oldest pending delete: later writes wait for it. */
    private long barrier = Long.MAX_VALUE;

    WriteQueue(WriterCore core) {
        this.core = core;
    }

    /** Queues a write, or merges a managed write into a queued one for the same key. */
    synchronized Admission offer(PendingWrite write, PendingWrite.Caller caller) {
        if (retired) {
            return Admission.RETIRED;
        }
        PendingWrite queued = write.managed ? queuedManaged.get(write.key) : null;
        if (queued != null && queued.ticket <= barrier && barrier != Long.MAX_VALUE) {
            // The queued write goes before a pending delete and this one after it: they must not merge.
            queued = null;
        }
        long delta = queued != null ? write.estimatedBytes - queued.estimatedBytes : write.estimatedBytes;
        if (pendingPatches >= core.options.maxPendingPatchesPerDataset()
                || delta > 0 && pendingBytes + delta > core.options.maxPendingBytesPerDataset()) {
            return Admission.DATASET_FULL;
        }
        if (!core.budget.tryReserve(1, delta)) {
            return Admission.WRITER_FULL;
        }
        if (queued != null) {
            // A merged caller is still a pending patch: it counts against the bounds like any other.
            queued.value = write.value;
            queued.remove = write.remove;
            queued.estimatedBytes = write.estimatedBytes;
            queued.callers.add(caller);
        } else {
            write.ticket = ++tickets;
            write.callers.add(caller);
            queue.addLast(write);
            if (write.managed) {
                queuedManaged.put(write.key, write);
            }
        }
        pendingPatches++;
        pendingBytes += delta;
        // Wake the drain loop when it is idle, or when this caller's deadline is the earliest, to arm its timer.
        boolean kick = idle || caller.deadlineNanos() < earliestDeadline;
        idle = false;
        if (caller.deadlineNanos() < earliestDeadline) {
            earliestDeadline = caller.deadlineNanos();
        }
        return new Admission(Offer.ACCEPTED, queued != null ? queued : write, kick);
    }

    /** Marks the queue idle when it is empty: from then on an offer wakes the drain loop. */
    synchronized boolean goIdleIfEmpty() {
        if (queue.isEmpty()) {
            idle = true;
            return true;
        }
        return false;
    }

    synchronized boolean hasManaged() {
        return !queuedManaged.isEmpty();
    }

    synchronized int pendingPatches() {
        return pendingPatches;
    }

    synchronized long earliestDeadline() {
        return earliestDeadline;
    }

    /**
     * Puts a delete between the writes accepted so far and those to come.
     *
     * @return the last ticket before it, or -1 when the queue is retired
     */
    synchronized long placeDelete() {
        if (retired) {
            return -1;
        }
        idle = false;
        if (barrier == Long.MAX_VALUE) {
            barrier = tickets;
        }
        return tickets;
    }

    /** The oldest pending delete was done: the next one's ticket, or none, holds writes back now. */
    synchronized void deleteDone(long nextBarrier) {
        barrier = nextBarrier;
    }

    /** Whether every write before the oldest pending delete has left the queue. */
    synchronized boolean readyToDelete() {
        PendingWrite head = queue.peekFirst();
        return head == null || head.ticket > barrier;
    }

    /** Takes the next request's writes off the queue, in order; empty when nothing is queued. */
    synchronized List<PendingWrite> take(BatchLimits limits) {
        int size = BatchPlanner.plan(queue, limits);
        if (barrier != Long.MAX_VALUE) {
            // Only writes accepted before the pending delete may go now.
            int before = 0;
            for (PendingWrite write : queue) {
                if (before == size || write.ticket > barrier) {
                    break;
                }
                before++;
            }
            size = before;
        }
        if (size == 0) {
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

    /** Puts writes that must be sent again back at the head of the queue, in their order. */
    synchronized void requeue(List<PendingWrite> writes) {
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
            write.callers.add(new PendingWrite.Caller(last.call(), value, value == null, last.deadlineNanos(),
                    last.timeout()));
        }
        // A merge may grow the write past the budget; it is already admitted, so the excess is carried.
        core.budget.release(0, -delta);
    }

    /**
     * Marks a write done exactly once and frees its room; returns its callers, or null if it was already done.
     */
    List<PendingWrite.Caller> finish(PendingWrite write) {
        List<PendingWrite.Caller> callers;
        long bytes;
        synchronized (this) {
            if (write.state == PendingWrite.State.DONE) {
                return null;
            }
            if (write.state == PendingWrite.State.QUEUED) {
                queue.remove(write);
                forgetManaged(write);
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
     * Takes one caller off a write: it cancelled, or its deadline passed. A queued write goes back to the previous
     * caller's value, and is dropped when no caller remains; a write already taken goes on without this caller.
     *
     * @param queuedOnly withdraw only from a write still queued: a cancel does not take back what was sent, and
     *     the patch stays accounted for until its request ends
     * @return the caller removed, or {@code null} when it was no longer waiting
     */
    PendingWrite.Caller withdraw(PendingWrite write, WriteCall call, boolean queuedOnly) {
        PendingWrite.Caller removed;
        long freedBytes = 0;
        synchronized (this) {
            int index = indexOf(write.callers, call);
            if (write.state == PendingWrite.State.DONE || index < 0
                    || queuedOnly && write.state != PendingWrite.State.QUEUED) {
                return null;
            }
            removed = write.callers.remove(index);
            pendingPatches--;
            if (write.state == PendingWrite.State.QUEUED) {
                if (write.callers.isEmpty()) {
                    queue.remove(write);
                    forgetManaged(write);
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
        }
        core.budget.release(1, freedBytes);
        core.roomFreed();
        return removed;
    }

    /**
     * The callers whose deadline has passed, of the queued writes and of {@code taken} (in flight or held), with
     * their writes; also recomputes the earliest deadline of those that remain.
     */
    synchronized List<Object[]> expired(long now, List<PendingWrite> taken) {
        List<Object[]> expired = new ArrayList<>();
        long earliest = Long.MAX_VALUE;
        for (Iterator<PendingWrite> it = queue.iterator(); it.hasNext(); ) {
            earliest = Math.min(earliest, collect(it.next(), now, expired));
        }
        for (PendingWrite write : taken) {
            if (write.state != PendingWrite.State.DONE) {
                earliest = Math.min(earliest, collect(write, now, expired));
            }
        }
        earliestDeadline = earliest;
        return expired;
    }

    private static long collect(PendingWrite write, long now, List<Object[]> expired) {
        long earliest = Long.MAX_VALUE;
        for (PendingWrite.Caller caller : write.callers) {
            if (caller.deadlineNanos() <= now) {
                expired.add(new Object[]{write, caller});
            } else {
                earliest = Math.min(earliest, caller.deadlineNanos());
            }
        }
        return earliest;
    }

    /** Retires the queue when nothing is pending; a retired queue refuses writes. */
    synchronized boolean retireIfEmpty() {
        if (retired || pendingPatches > 0 || barrier != Long.MAX_VALUE) {
            return false;
        }
        retired = true;
        return true;
    }

    /** Retires the queue for good and returns what was queued. */
    synchronized List<PendingWrite> retire() {
        retired = true;
        return new ArrayList<>(queue);
    }

    synchronized boolean isRetired() {
        return retired;
    }

    private void forgetManaged(PendingWrite write) {
        if (write.managed && queuedManaged.get(write.key) == write) {
            queuedManaged.remove(write.key);
        }
    }

    private static int indexOf(List<PendingWrite.Caller> callers, WriteCall call) {
        for (int i = 0; i < callers.size(); i++) {
            if (callers.get(i).call() == call) {
                return i;
            }
        }
        return -1;
    }
}
