package dev.cogsync.reactor;

import dev.cogsync.model.DatasetRef;
import reactor.core.Disposable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Writes held, in FIFO order and without blocking, until the writer has room for them: those of
 * {@link OverloadPolicy#WAIT} and of {@code submitAll} streams. Bounded; each held write may carry a timer.
 */
final class WaitingWrites {

    /**
     * One held write. Its state settles the race between being admitted and timing out or being cancelled:
     * whoever moves it out of {@code HELD} first owns it; a timeout that comes while it is being admitted is
     * applied if the admission fails.
     */
    static final class Waiter {
        static final int HELD = 0;
        static final int ADMITTING = 1;
        static final int GONE = 2;

        final DatasetRef dataset;
        final PendingWrite write;
        final WriteCall call;
        final java.time.Duration timeout;
        /** The write's deadline, or {@code Long.MIN_VALUE} when it starts at admission. */
        final long deadline;
        final AtomicInteger state = new AtomicInteger(HELD);
        volatile boolean timedOut;
        Disposable timer;

        Waiter(DatasetRef dataset, PendingWrite write, WriteCall call, java.time.Duration timeout, long deadline) {
            this.dataset = dataset;
            this.write = write;
            this.call = call;
            this.timeout = timeout;
            this.deadline = deadline;
        }

        /** Takes the write out of the queue's hands, for a timeout or a cancel; {@code false} if too late. */
        boolean take() {
            return state.compareAndSet(HELD, GONE);
        }
    }

    private final int max;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final AtomicInteger drainers = new AtomicInteger();
    private volatile int size;

    WaitingWrites(int max) {
        this.max = max;
    }

    int size() {
        return size;
    }

    /** Holds a write; {@code false} when the bound is reached. */
    synchronized boolean add(Waiter waiter) {
        if (queue.size() >= max) {
            return false;
        }
        queue.addLast(waiter);
        size = queue.size();
        return true;
    }

    /** Stops holding a write (cancelled or timed out); {@code false} when it was no longer held. */
    synchronized boolean remove(Waiter waiter) {
        boolean removed = queue.remove(waiter);
        size = queue.size();
        return removed;
    }

    /**
     * Admits held writes in order while {@code admit} accepts them. Safe to call from any thread at once: one
     * caller drains, the others leave it a note to go round again.
     *
     * @param admit offers a write to the writer; {@code true} when it was accepted
     * @param timeout fails a write whose timeout came while it was being admitted, when it was not admitted
     */
    void drain(Predicate<Waiter> admit, java.util.function.Consumer<Waiter> timeout) {
        if (size == 0 || drainers.getAndIncrement() != 0) {
            return;
        }
        do {
            while (true) {
                Waiter next;
                synchronized (this) {
                    next = queue.peekFirst();
                }
                if (next == null) {
                    break;
                }
                if (!next.state.compareAndSet(Waiter.HELD, Waiter.ADMITTING)) {
                    remove(next);
                    continue;
                }
                if (admit.test(next)) {
                    next.state.set(Waiter.GONE);
                    remove(next);
                    if (next.timer != null) {
                        next.timer.dispose();
                    }
                    continue;
                }
                next.state.set(Waiter.HELD);
                // A timeout that failed to take the write while it was being admitted left this flag first.
                if (next.timedOut && next.take()) {
                    remove(next);
                    timeout.accept(next);
                    continue;
                }
                break;
            }
        } while (drainers.decrementAndGet() != 0);
    }

    /** Empties the queue, returning what was held. */
    synchronized List<Waiter> clear() {
        List<Waiter> held = new ArrayList<>(queue);
        queue.clear();
        size = 0;
        return held;
    }
}
