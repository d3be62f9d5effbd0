package dev.cogsync.emulator;

import dev.cogsync.model.DatasetRef;

import java.util.concurrent.atomic.AtomicInteger;

/** Valid ids, unique per call so tests sharing an emulator never share a dataset. */
final class TestData {

    static final String POOL = "us-east-1:23ec4050-6aea-7089-a2dd-08002e000000";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestData() {
    }

    /** A fresh identity in {@link #POOL}. */
    static String identity() {
        return "us-east-1:" + String.format("%08x-0000-4000-8000-000000000000", NEXT.incrementAndGet());
    }

    /** A dataset of a fresh identity. */
    static DatasetRef dataset() {
        return DatasetRef.of(POOL, identity(), "settings");
    }

    static DatasetRef dataset(String identity, String name) {
        return DatasetRef.of(POOL, identity, name);
    }
}
