package dev.cogsync.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetTest {

    @Test
    void aPatchBudgetGrantsExactlyItsPatchesAcrossThreads() throws Exception {
        Budget budget = Budget.ofPatches(10_000);
        budget.start(System.nanoTime());
        AtomicLong granted = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> claims = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                claims.add(threads.submit(() -> {
                    while (budget.tryClaim()) {
                        granted.incrementAndGet();
                    }
                }));
            }
            for (Future<?> claim : claims) {
                claim.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(granted).hasValue(10_000);
        assertThat(budget.exhausted()).isTrue();
        assertThat(budget.timed()).isFalse();
    }

    @Test
    void aTimeBudgetGrantsUntilItsDeadline() {
        Budget running = Budget.ofDuration(Duration.ofHours(1));
        running.start(System.nanoTime());
        // Started 60 ms ago with 50 ms to run: its deadline has passed, without the test waiting for it.
        Budget spent = Budget.ofDuration(Duration.ofMillis(50));
        spent.start(System.nanoTime() - Duration.ofMillis(60).toNanos());

        assertThat(running.tryClaim()).isTrue();
        assertThat(running.exhausted()).isFalse();
        assertThat(spent.tryClaim()).isFalse();
        assertThat(spent.exhausted()).isTrue();
        assertThat(spent.timed()).isTrue();
    }

    @Test
    void aTimeBudgetCountsFromItsStart() {
        Budget budget = Budget.ofDuration(Duration.ofSeconds(1));

        budget.start(System.nanoTime() - Duration.ofSeconds(2).toNanos());

        assertThat(budget.tryClaim()).isFalse();
    }

    @Test
    void stoppingEndsEitherBudgetAtOnce() {
        Budget patches = Budget.ofPatches(100);
        Budget time = Budget.ofDuration(Duration.ofHours(1));
        patches.start(System.nanoTime());
        time.start(System.nanoTime());

        patches.stop();
        time.stop();

        assertThat(patches.tryClaim()).isFalse();
        assertThat(time.tryClaim()).isFalse();
        assertThat(patches.exhausted()).isTrue();
        assertThat(time.exhausted()).isTrue();
    }

    @Test
    void anEnormousDurationSaturatesInsteadOfWrapping() {
        Budget budget = Budget.ofDuration(Duration.ofDays(365L * 1_000_000));
        budget.start(System.nanoTime());

        assertThat(budget.tryClaim()).isTrue();
    }
}
