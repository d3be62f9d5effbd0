package dev.cogsync.reactor;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition from the test thread until it holds, failing the test when it does not in time. */
final class Await {

    private Await() {
    }

    static void until(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
