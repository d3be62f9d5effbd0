package dev.cogsync.reactor;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the requests in flight over all datasets ({@link WriterOptions#maxInFlightRequests()}). A dataset holds a
 * permit only while one of its attempts is in flight; without one it waits in FIFO order, and a released permit
 * goes to the longest waiter, which is told through {@link DatasetWrites#permitGranted()}.
 */
final class RequestPermits {

    private final int max;
    private final AtomicInteger available;
    private final ConcurrentLinkedQueue<DatasetWrites> waiting = new ConcurrentLinkedQueue<>();

    RequestPermits(int max) {
        this.max = max;
        this.available = new AtomicInteger(max);
    }

    /**
     * Takes a permit now, or queues the dataset for the next one; {@code false} means it will be granted later.
     * Datasets already waiting go first.
     */
    boolean tryAcquire(DatasetWrites dataset) {
        if (waiting.isEmpty() && take()) {
            return true;
        }
        waiting.offer(dataset);
        // A permit released between the check and the offer would otherwise strand the queue.
        if (take()) {
            release();
        }
        return false;
    }

    /** Hands the permit to the longest waiter, or returns it. */
    void release() {
        while (true) {
            DatasetWrites next = waiting.poll();
            if (next != null) {
                next.permitGranted();
                return;
            }
            available.incrementAndGet();
            if (waiting.isEmpty() || !take()) {
                return;
            }
        }
    }

    int inFlight() {
        return max - available.get();
    }

    private boolean take() {
        while (true) {
            int current = available.get();
            if (current == 0) {
                return false;
            }
            if (available.compareAndSet(current, current - 1)) {
                return true;
            }
        }
    }
}
