package dev.cogsync.reactor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The writer-wide bound on pending writes, by count and by estimated bytes. Reservations are lock-free and
 * all-or-nothing, so the bound holds exactly under any concurrency.
 */
final class PendingBudget {

    private final long maxPatches;
    private final long maxBytes;
    private final AtomicLong patches = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    PendingBudget(long maxPatches, long maxBytes) {
        this.maxPatches = maxPatches;
        this.maxBytes = maxBytes;
    }

    /** Reserves room for {@code count} patches of {@code size} bytes; {@code false} leaves nothing reserved. */
    boolean tryReserve(int count, long size) {
        if (!add(patches, count, maxPatches)) {
            return false;
        }
        if (!add(bytes, size, maxBytes)) {
            patches.addAndGet(-count);
            return false;
        }
        return true;
    }

    void release(int count, long size) {
        patches.addAndGet(-count);
        bytes.addAndGet(-size);
    }

    long patches() {
        return patches.get();
    }

    long bytes() {
        return bytes.get();
    }

    private static boolean add(AtomicLong counter, long delta, long max) {
        if (delta <= 0) {
            counter.addAndGet(delta);
            return true;
        }
        while (true) {
            long current = counter.get();
            if (current + delta > max) {
                return false;
            }
            if (counter.compareAndSet(current, current + delta)) {
                return true;
            }
        }
    }
}
