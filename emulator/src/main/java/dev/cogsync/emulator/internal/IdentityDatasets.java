package dev.cogsync.emulator.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The datasets of one identity, and how many of them exist, for the per-identity dataset limit. */
final class IdentityDatasets {

    final String identityPoolId;
    final String identityId;
    final ConcurrentHashMap<String, DatasetState> datasets = new ConcurrentHashMap<>();
    private final AtomicInteger existing = new AtomicInteger();

    IdentityDatasets(String identityPoolId, String identityId) {
        this.identityPoolId = identityPoolId;
        this.identityId = identityId;
    }

    /** Counts one more existing dataset, unless that would pass the limit. */
    boolean tryCreate(int limit) {
        int current;
        do {
            current = existing.get();
            if (current >= limit) {
                return false;
            }
        } while (!existing.compareAndSet(current, current + 1));
        return true;
    }

    void deleted() {
        existing.decrementAndGet();
    }
}
