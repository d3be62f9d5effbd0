package dev.cogsync.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryQuotaTest {

    private static final int THREADS = 8;

    @Test
    void newQuota_startsFull() {
        RetryQuota quota = RetryPolicy.defaults().newQuota();

        assertThat(quota.capacity()).isEqualTo(500);
        assertThat(quota.available()).isEqualTo(500);
        assertThat(quota.isUnlimited()).isFalse();
        assertThat(quota).hasToString("RetryQuota[500/500]");
    }

    @Test
    void tryAcquire_allowsExactly100RetriesOfCost5FromAFullDefaultQuota() {
        RetryQuota quota = RetryPolicy.defaults().newQuota();

        for (int retry = 1; retry <= 100; retry++) {
            assertThat(quota.tryAcquire(false)).as("retry %d", retry).isEqualTo(5);
        }

        assertThat(quota.available()).isZero();
        assertThat(quota.tryAcquire(false)).isZero();
        assertThat(quota.tryAcquire(true)).isZero();
        assertThat(quota.available()).isZero();
    }

    @Test
    void tryAcquire_afterATimeoutCosts10_so50Retries() {
        RetryQuota quota = RetryPolicy.defaults().newQuota();

        for (int retry = 1; retry <= 50; retry++) {
            assertThat(quota.tryAcquire(true)).as("retry %d", retry).isEqualTo(10);
        }

        assertThat(quota.available()).isZero();
        assertThat(quota.tryAcquire(true)).isZero();
    }

    @Test
    void tryAcquire_refusedTakesNothing_andACheaperRetryMayStillPass() {
        RetryQuota quota = RetryPolicy.builder().quotaCapacity(17).build().newQuota();
        quota.tryAcquire(true);

        assertThat(quota.available()).isEqualTo(7);
        assertThat(quota.tryAcquire(true)).isZero();
        assertThat(quota.available()).isEqualTo(7);
        assertThat(quota.tryAcquire(false)).isEqualTo(5);
        assertThat(quota.available()).isEqualTo(2);
        assertThat(quota.tryAcquire(false)).isZero();
        assertThat(quota.available()).isEqualTo(2);
    }

    @Test
    void releaseAfterSuccess_afterRetries_givesBackWhatTheCallTook() {
        RetryQuota quota = RetryPolicy.defaults().newQuota();
        drain(quota, 400);
        int acquired = quota.tryAcquire(false) + quota.tryAcquire(true);

        assertThat(quota.available()).isEqualTo(85);
        quota.releaseAfterSuccess(acquired);

        assertThat(quota.available()).isEqualTo(100);
    }

    @Test
    void releaseAfterSuccess_onTheFirstAttempt_givesBackOneToken() {
        RetryQuota quota = RetryPolicy.defaults().newQuota();
        quota.tryAcquire(false);

        quota.releaseAfterSuccess(0);

        assertThat(quota.available()).isEqualTo(496);
    }

    @Test
    void releaseAfterSuccess_neverFillsAboveCapacity() {
        RetryQuota quota = RetryPolicy.defaults().newQuota();

        quota.releaseAfterSuccess(0);
        assertThat(quota.available()).isEqualTo(500);

        quota.tryAcquire(false);
        quota.releaseAfterSuccess(10);
        assertThat(quota.available()).isEqualTo(500);

        drain(quota, 500);
        quota.releaseAfterSuccess(Integer.MAX_VALUE);
        assertThat(quota.available()).isEqualTo(500);
    }

    @Test
    void releaseAfterSuccess_withNoRetryIncrementZero_leavesAFirstAttemptSuccessUncounted() {
        RetryQuota quota = RetryPolicy.builder().noRetryIncrement(0).build().newQuota();
        quota.tryAcquire(false);

        quota.releaseAfterSuccess(0);

        assertThat(quota.available()).isEqualTo(495);
    }

    @Test
    void exhaustedQuota_recoversThroughFirstAttemptSuccesses() {
        RetryQuota quota = RetryPolicy.defaults().newQuota();
        drain(quota, 500);

        for (int i = 0; i < 4; i++) {
            quota.releaseAfterSuccess(0);
        }
        assertThat(quota.tryAcquire(false)).isZero();

        quota.releaseAfterSuccess(0);
        assertThat(quota.tryAcquire(false)).isEqualTo(5);
        assertThat(quota.available()).isZero();
    }

    @Test
    void releaseAfterSuccess_rejectsANegativeAmount() {
        RetryQuota quota = RetryPolicy.defaults().newQuota();

        assertThatThrownBy(() -> quota.releaseAfterSuccess(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("acquiredByCall: must be >= 0, was -1");
        assertThat(quota.available()).isEqualTo(500);
    }

    @Test
    void unlimited_alwaysGrantsTheNominalCostAndNeverChanges() {
        RetryQuota quota = RetryQuota.unlimited();

        for (int i = 0; i < 10_000; i++) {
            assertThat(quota.tryAcquire(false)).isEqualTo(5);
            assertThat(quota.tryAcquire(true)).isEqualTo(10);
        }
        quota.releaseAfterSuccess(0);
        quota.releaseAfterSuccess(1_000);

        assertThat(quota.isUnlimited()).isTrue();
        assertThat(quota.available()).isEqualTo(Integer.MAX_VALUE);
        assertThat(quota.capacity()).isEqualTo(Integer.MAX_VALUE);
        assertThat(quota).hasToString("RetryQuota[unlimited]");
    }

    @Test
    void concurrentDraining_handsOutEveryTokenExactlyOnce() throws Exception {
        // One drain is only 50 to 100 acquisitions; many rounds give lost updates a real chance to show.
        for (int round = 0; round < 200; round++) {
            RetryQuota quota = RetryPolicy.defaults().newQuota();

            List<Integer> takenPerThread = runConcurrently(() -> {
                int taken = 0;
                while (true) {
                    boolean timeout = ThreadLocalRandom.current().nextBoolean();
                    int tokens = quota.tryAcquire(timeout);
                    if (tokens == 0 && timeout) {
                        tokens = quota.tryAcquire(false);
                    }
                    if (tokens == 0) {
                        return taken;
                    }
                    assertThat(tokens).isIn(5, 10);
                    taken += tokens;
                }
            });

            int taken = takenPerThread.stream().mapToInt(Integer::intValue).sum();
            // What is left (< 5) plus all handed out is exactly the capacity: nothing lost, nothing doubled.
            assertThat(quota.available()).as("round %d", round).isBetween(0, 4);
            assertThat(taken + quota.available()).as("round %d", round).isEqualTo(500);
        }
    }

    @Test
    void concurrentAcquireAndRelease_keepsTheBoundsAndConservesTokens() throws Exception {
        RetryQuota quota = RetryPolicy.builder().quotaCapacity(60).build().newQuota();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger outOfBounds = new AtomicInteger();
        Thread observer = new Thread(() -> {
            while (running.get()) {
                int available = quota.available();
                if (available < 0 || available > 60) {
                    outOfBounds.incrementAndGet();
                }
            }
        });
        observer.start();

        List<Integer> keptPerThread;
        try {
            keptPerThread = runConcurrently(() -> {
                int kept = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int call = 0; call < 20_000; call++) {
                    int tokens = quota.tryAcquire(random.nextBoolean());
                    if (tokens == 0) {
                        continue;
                    }
                    // Three calls in four succeed and give their tokens back; the rest fail and keep them.
                    if (random.nextInt(4) != 0) {
                        quota.releaseAfterSuccess(tokens);
                    } else {
                        kept += tokens;
                    }
                }
                return kept;
            });
        } finally {
            running.set(false);
            observer.join();
        }

        int kept = keptPerThread.stream().mapToInt(Integer::intValue).sum();
        assertThat(outOfBounds).hasValue(0);
        assertThat(quota.available() + kept).isEqualTo(60);
    }

    @Test
    void concurrentFirstAttemptSuccesses_fillUpToCapacityAndNoFurther() throws Exception {
        RetryQuota quota = RetryPolicy.defaults().newQuota();
        drain(quota, 500);

        runConcurrently(() -> {
            for (int call = 0; call < 1_000; call++) {
                quota.releaseAfterSuccess(0);
            }
            return 0;
        });

        assertThat(quota.available()).isEqualTo(500);
    }

    private static void drain(RetryQuota quota, int tokens) {
        for (int i = 0; i < tokens / 5; i++) {
            assertThat(quota.tryAcquire(false)).isEqualTo(5);
        }
    }

    /** Runs the task on {@link #THREADS} threads released together, and returns each one's result. */
    private static List<Integer> runConcurrently(Callable<Integer> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
