package dev.cogsync.reactor;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the requests in flight over all datasets. A dataset that has work takes a permit and runs; without
 * one it waits in FIFO order, and every released permit goes to the longest waiter. A dataset holds at most
 * one permit, which is what makes requests single-flight per dataset.
 */
final class WriteDispatcher {

    private final int maxInFlight;
    private final AtomicInteger permits;
    private final ConcurrentLinkedQueue<DatasetWriter> waiting = new ConcurrentLinkedQueue<>();

    WriteDispatcher(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.permits = new AtomicInteger(maxInFlight);
    }

    /** Runs the dataset's next cycle now if a permit is free, or when one is released. */
    void schedule(DatasetWriter dataset) {
        if (tryAcquire()) {
            dataset.runCycle();
            return;
        }
        waiting.offer(dataset);
        // A permit released between the failed acquire and the offer would otherwise strand this dataset.
        if (tryAcquire()) {
            runNextOrRelease();
        }
    }

    /** Hands the caller's permit to the longest waiter, or returns it. */
    void release() {
        runNextOrRelease();
    }

    /**
     * Gives the permit to a waiting dataset if there is one and queues the caller behind it, so that a busy
     * dataset cannot starve the others; otherwise the caller keeps the permit and runs again at once.
     */
    void yieldTo(DatasetWriter dataset) {
        if (waiting.isEmpty()) {
            dataset.runCycle();
            return;
        }
        waiting.offer(dataset);
        runNextOrRelease();
    }

    int inFlight() {
        return maxInFlight - permits.get();
    }

    private void runNextOrRelease() {
        while (true) {
            DatasetWriter next = waiting.poll();
            if (next != null) {
                next.runCycle();
                return;
            }
            permits.incrementAndGet();
            if (waiting.isEmpty() || !tryAcquire()) {
                return;
            }
        }
    }

    private boolean tryAcquire() {
        while (true) {
            int current = permits.get();
            if (current == 0) {
                return false;
            }
            if (permits.compareAndSet(current, current - 1)) {
                return true;
            }
        }
    }
}
