package dev.cogsync.benchmarks.load;

import dev.cogsync.workload.PatchSender;
import dev.cogsync.workload.Workload;
import dev.cogsync.exception.InternalErrorException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer loops against fake senders: budgets, concurrency, failures, and no busy loop. */
class LoadDriverTest {

    private static final Workload WORKLOAD = Workload.builder().writers(8).datasets(2).keys(16).build();

    /** A sender that answers after a millisecond, and records how many patches it holds at once. */
    private static final class SlowSender implements PutOnly {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final Set<String> writes = ConcurrentHashMap.newKeySet();

        @Override
        public Mono<Long> put(DatasetRef dataset, String key, String value) {
            return Mono.defer(() -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                writes.add(dataset.datasetName() + "/" + key);
                return Mono.delay(Duration.ofMillis(1));
            }).doOnTerminate(inFlight::decrementAndGet);
        }
    }

    /** A sender of which only {@code put} is used: the driver never removes, and closing is its owner's job. */
    private interface PutOnly extends PatchSender {
        @Override
        default Mono<Long> remove(DatasetRef dataset, String key) {
            return Mono.error(new AssertionError("the load driver only puts"));
        }

        @Override
        default Mono<Long> submit(DatasetRef dataset, RecordPatch patch) {
            return Mono.error(new AssertionError("the load driver only puts"));
        }

        @Override
        default Mono<Void> close() {
            return Mono.empty();
        }
    }

    private static Duration run(PatchSender sender, Budget budget, Tally tally) throws Exception {
        return new LoadDriver(WORKLOAD, sender, budget, tally).start().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aPatchBudgetIsSpentExactlyWithOnePatchInFlightPerWriter() throws Exception {
        SlowSender sender = new SlowSender();
        Tally tally = new Tally();

        Duration elapsed = run(sender, Budget.ofPatches(500), tally);

        assertThat(tally.submittedCount()).isEqualTo(500);
        assertThat(tally.acknowledgedCount()).isEqualTo(500);
        assertThat(tally.failedCount()).isZero();
        assertThat(sender.maxInFlight).as("patches in flight at once").hasValueBetween(1, 8);
        assertThat(sender.writes).as("every key of both datasets").hasSize(32);
        assertThat(tally.takeLatencies().getMinValue()).as("microseconds").isGreaterThanOrEqualTo(900);
        assertThat(elapsed).isPositive();
    }

    @Test
    void aTimeBudgetStopsSubmittingAtItsDeadline() throws Exception {
        Tally tally = new Tally();

        Duration elapsed = run(new SlowSender(), Budget.ofDuration(Duration.ofMillis(300)), tally);

        assertThat(elapsed).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
        assertThat(tally.submittedCount()).isPositive().isEqualTo(tally.acknowledgedCount());
    }

    @Test
    void failedPatchesAreCountedByErrorAndTheWritersCarryOn() throws Exception {
        AtomicLong sent = new AtomicLong();
        PatchSender everyOtherFails = new PutOnly() {
            @Override
            public Mono<Long> put(DatasetRef dataset, String key, String value) {
                return Mono.delay(Duration.ofMillis(1)).flatMap(tick -> sent.incrementAndGet() % 2 == 0
                        ? Mono.error(new InternalErrorException(500, "boom", null, 3)) : Mono.just(tick));
            }
        };
        Tally tally = new Tally();

        run(everyOtherFails, Budget.ofPatches(200), tally);

        assertThat(tally.submittedCount()).isEqualTo(200);
        assertThat(tally.acknowledgedCount()).isEqualTo(100);
        assertThat(tally.failuresByError()).containsExactly(Map.entry("InternalErrorException", 100L));
    }

    @Test
    void aSenderThatFailsAtOnceDoesNotTurnWritersIntoBusyLoops() throws Exception {
        PatchSender refusing = new PutOnly() {
            @Override
            public Mono<Long> put(DatasetRef dataset, String key, String value) {
                return Mono.error(new IllegalStateException("refused at once"));
            }
        };
        Tally tally = new Tally();

        run(refusing, Budget.ofDuration(Duration.ofMillis(200)), tally);

        // A millisecond's pause after each failure: at most about 8 writers x 200 failures, not millions.
        assertThat(tally.failedCount()).isPositive().isLessThan(8 * 200 + 100);
        assertThat(tally.failuresByError()).containsOnlyKeys("IllegalStateException");
    }

    @Test
    void aSenderThatThrowsFailsThatPatchAlone() throws Exception {
        PatchSender throwing = new PutOnly() {
            @Override
            public Mono<Long> put(DatasetRef dataset, String key, String value) {
                throw new UnsupportedOperationException("not a Mono");
            }
        };
        Tally tally = new Tally();

        run(throwing, Budget.ofPatches(50), tally);

        assertThat(tally.submittedCount()).isEqualTo(50);
        assertThat(tally.failuresByError()).containsExactly(Map.entry("UnsupportedOperationException", 50L));
    }
}
