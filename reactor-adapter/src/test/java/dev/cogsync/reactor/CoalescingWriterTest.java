package dev.cogsync.reactor;

import dev.cogsync.exception.LimitExceededException;
import dev.cogsync.exception.TooManyRequestsException;
import dev.cogsync.exception.WriteTimeoutException;
import dev.cogsync.exception.WriterClosedException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.reactor.FakeSyncService.Fault;
import dev.cogsync.reactor.internal.AdaptiveRates;
import dev.cogsync.retry.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's state machine driven deterministically: an in-memory service behind the {@link SyncAttempts} seam,
 * a virtual clock, a fixed jitter of 0.5. No sockets, no sleeps; every time asserted is virtual.
 */
class CoalescingWriterTest {

    private static final String POOL = "us-east-1:0f0e0d0c-0000-4000-8000-00000000c0a1";
    private static final DatasetRef DATASET = dataset(1, "settings");

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final FakeSyncService service = new FakeSyncService(time);
    private final List<Disposable> subscriptions = new ArrayList<>();

    private static DatasetRef dataset(int identity, String name) {
        return DatasetRef.of(POOL, String.format("us-east-1:%08x-0000-4000-8000-000000000000", identity), name);
    }

    private CoalescingWriter writer(WriterOptions options) {
        return writer(options, RetryPolicy.defaults());
    }

    private CoalescingWriter writer(WriterOptions options, RetryPolicy policy) {
        return new CoalescingWriter(new WriterCore(options, service, policy, policy.newQuota(),
                WriterTimer.of(time), () -> 0.5, new AdaptiveRates()));
    }

    /** What one write ended with, and when (virtual milliseconds). */
    static final class Outcome {
        volatile Record record;
        volatile Throwable error;
        volatile long atMillis = -1;

        boolean done() {
            return atMillis >= 0;
        }
    }

    private Outcome run(Mono<Record> write) {
        Outcome outcome = new Outcome();
        subscriptions.add(write.subscribe(record -> {
            outcome.record = record;
            outcome.atMillis = time.now(java.util.concurrent.TimeUnit.MILLISECONDS);
        }, error -> {
            outcome.error = error;
            outcome.atMillis = time.now(java.util.concurrent.TimeUnit.MILLISECONDS);
        }));
        return outcome;
    }

    private void advance(Duration duration) {
        time.advanceTimeBy(duration);
    }

    @AfterEach
    void dispose() {
        subscriptions.forEach(Disposable::dispose);
        time.dispose();
    }

    @Test
    void writesArrivingWhileARequestIsInFlightShareTheNextOneInOrder() {
        service.latency = Duration.ofMillis(100);
        CoalescingWriter writer = writer(WriterOptions.defaults());
        Outcome first = run(writer.put(DATASET, "a", "1"));
        advance(Duration.ofMillis(150)); // the ListRecords is done; the first UpdateRecords is in flight
        List<Outcome> later = new ArrayList<>();
        for (String key : List.of("b", "c", "d")) {
            later.add(run(writer.put(DATASET, key, "2")));
        }
        advance(Duration.ofSeconds(1));

        assertThat(first.record.syncCount()).isEqualTo(1);
        assertThat(later).allSatisfy(o -> assertThat(o.record.syncCount()).isEqualTo(2));
        assertThat(service.calls).extracting(FakeSyncService.Call::operation, FakeSyncService.Call::patches)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("list", 0),
                        org.assertj.core.groups.Tuple.tuple("update", 1),
                        org.assertj.core.groups.Tuple.tuple("update", 3));
    }

    @Test
    void throttlingBacksOffExponentiallyWithJitterAndNeverFailsTheWrite() {
        service.then(Fault.THROTTLE, 4);
        CoalescingWriter writer = writer(WriterOptions.builder().adaptiveRate(false).build());
        Outcome write = run(writer.put(DATASET, "a", "1"));
        advance(Duration.ofSeconds(20));

        assertThat(write.error).isNull();
        assertThat(write.record.value()).isEqualTo("1");
        // The ListRecords and three UpdateRecords were throttled; jitter 0.5 of 1 s, 2 s, 4 s, 8 s.
        List<Long> times = new ArrayList<>(service.times("list"));
        times.addAll(service.times("update"));
        times.sort(Long::compare);
        assertThat(times).containsExactly(0L, 500L, 1500L, 3500L, 7500L, 7500L);
        assertThat(writer.stats().throttles()).isEqualTo(4);
        assertThat(writer.stats().retries()).isEqualTo(4);
    }

    @Test
    void retryAfterIsAFloorOnTheBackoff() {
        service.then(Fault.THROTTLE, 1);
        service.retryAfter = Duration.ofSeconds(3);
        CoalescingWriter writer = writer(WriterOptions.builder().adaptiveRate(false).build());
        Outcome write = run(writer.put(DATASET, "a", "1"));
        advance(Duration.ofSeconds(10));

        assertThat(write.record).isNotNull();
        assertThat(service.times("list")).containsExactly(0L, 3000L);
    }

    @Test
    void aSpentRetryQuotaSlowsRetriesButFailsNothing() {
        RetryPolicy tiny = RetryPolicy.defaults().toBuilder().quotaCapacity(10).build();
        service.then(Fault.INTERNAL_ERROR, 6);
        CoalescingWriter writer = writer(WriterOptions.builder().writeTimeout(Duration.ofMinutes(5)).build(), tiny);
        Outcome write = run(writer.put(DATASET, "a", "1"));
        advance(Duration.ofMinutes(2));

        assertThat(write.error).isNull();
        assertThat(write.record).isNotNull();
        List<Long> lists = service.times("list");
        // 50 ms, 100 ms, then the quota (10 tokens, 5 a retry) is spent and each backoff doubles: 400, 800, 1600,
        // 3200 ms instead of 200, 400, 800, 1600.
        assertThat(lists).containsExactly(0L, 50L, 150L, 550L, 1350L, 2950L, 6150L);
    }

    @Test
    void aWriteThrottledPastItsDeadlineEndsThenWithTheLastCauseAndNotApplied() {
        service.then(Fault.THROTTLE, 1000);
        CoalescingWriter writer = writer(WriterOptions.builder().adaptiveRate(false)
                .writeTimeout(Duration.ofSeconds(10)).build());
        Outcome write = run(writer.put(DATASET, "a", "1"));
        advance(Duration.ofSeconds(9));
        assertThat(write.done()).isFalse();
        advance(Duration.ofSeconds(2));

        assertThat(write.atMillis).isEqualTo(10_000);
        assertThat(write.error).isInstanceOf(WriteTimeoutException.class)
                .hasCauseInstanceOf(TooManyRequestsException.class);
        assertThat(((WriteTimeoutException) write.error).mayHaveBeenApplied()).isFalse();
        assertThat(writer.stats().patchesTimedOut()).isEqualTo(1);
    }

    @Test
    void aWriteInFlightToAServerThatNeverAnswersEndsAtItsOwnDeadlineMaybeApplied() {
        CoalescingWriter writer = writer(WriterOptions.defaults());
        run(writer.put(DATASET, "warm", "0"));
        advance(Duration.ofSeconds(1));
        service.then(Fault.HANG, 1);
        Outcome write = run(writer.put(DATASET, "a", "1", Duration.ofSeconds(2)));
        Outcome queued = run(writer.put(DATASET, "b", "1", Duration.ofSeconds(5)));
        advance(Duration.ofSeconds(10));

        assertThat(write.atMillis).isEqualTo(3_000);
        assertThat(((WriteTimeoutException) write.error).mayHaveBeenApplied()).isTrue();
        assertThat(queued.atMillis).isEqualTo(6_000);
        assertThat(((WriteTimeoutException) queued.error).mayHaveBeenApplied()).isFalse();
    }

    @Test
    void aLostResponseThatWasAppliedIsAcknowledgedOnceWithoutASecondApplication() {
        CoalescingWriter writer = writer(WriterOptions.defaults());
        run(writer.put(DATASET, "a", "0"));
        advance(Duration.ofSeconds(1));
        service.then(Fault.APPLY_THEN_DROP, 1);
        Outcome write = run(writer.put(DATASET, "a", "1"));
        advance(Duration.ofSeconds(5));

        assertThat(write.error).isNull();
        assertThat(write.record.value()).isEqualTo("1");
        assertThat(service.appliedValues.get("1")).containsExactly(2L);
        assertThat(writer.stats().lostResponsesRecovered()).isEqualTo(1);
    }

    @Test
    void eachAttemptIsOneRequestScheduledByTheWriterNeverARetryInsideARetry() {
        service.then(Fault.RESET_BEFORE_SENDING, 3);
        CoalescingWriter writer = writer(WriterOptions.defaults());
        Outcome write = run(writer.submit(DATASET, RecordPatch.replace("a", "1", 0)));
        advance(Duration.ofSeconds(5));

        assertThat(write.record).isNotNull();
        // Three failed ListRecords, each a single attempt 50, 100, 200 ms apart, then the list and the update.
        assertThat(service.times("list")).containsExactly(0L, 50L, 150L, 350L);
        assertThat(service.times("update")).containsExactly(350L);
    }

    @Test
    void sustainedOverQuotaLoadIsPacedByTheAdaptiveRateAndFailsNothing() {
        service.throttlePerIdentity(5, 5);
        service.latency = Duration.ofMillis(2);
        CoalescingWriter writer = writer(WriterOptions.defaults());
        List<DatasetRef> datasets = List.of(dataset(7, "d0"), dataset(7, "d1"), dataset(7, "d2"), dataset(7, "d3"));
        AtomicInteger acknowledged = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        long end = Duration.ofSeconds(15).toMillis();
        for (int w = 0; w < 256; w++) {
            loop(writer, datasets.get(w % 4), "k" + w, 0, end, acknowledged, failures);
        }
        advance(Duration.ofSeconds(15));
        long updates = service.count("update");
        long throttled = writer.stats().throttles();
        advance(Duration.ofSeconds(45));

        assertThat(failures).isEmpty();
        double goodput = acknowledged.get() / 15.0;
        assertThat(goodput).as("patches acknowledged per second").isGreaterThanOrEqualTo(256);
        assertThat((double) throttled / (updates + service.count("list"))).as("share of calls throttled")
                .isLessThanOrEqualTo(0.20);
    }

    @ParameterizedTest
    @CsvSource({"0.3, 1", "0.3, 2", "0.6, 42", "0.6, 7", "0.6, 99", "0.6, 2026"})
    void randomThrottlingOfMostRequestsBecomesLatencyNeverFailure(double probability, long seed) {
        service.randomThrottle(probability, seed);
        service.latency = Duration.ofMillis(2);
        CoalescingWriter writer = writer(WriterOptions.defaults());
        List<DatasetRef> datasets = List.of(dataset(8, "d0"), dataset(8, "d1"), dataset(8, "d2"), dataset(8, "d3"));
        AtomicInteger acknowledged = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int w = 0; w < 256; w++) {
            loop(writer, datasets.get(w % 4), "k" + w, 0, 15_000, acknowledged, failures);
        }
        advance(Duration.ofSeconds(60));

        assertThat(failures).isEmpty();
        assertThat(acknowledged.get()).isGreaterThan(256);
    }

    @Test
    void aRandomlyThrottledIdentityNeverStallsADatasetAndNoWriteFails() {
        service.randomThrottle(0.2, 20261121);
        service.latency = Duration.ofMillis(2);
        CoalescingWriter writer = writer(WriterOptions.defaults());
        AtomicInteger acknowledged = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int w = 0; w < 200; w++) {
            loop(writer, dataset(100 + w % 100, "chaos-" + (w % 100)), "k" + w, 0, 60_000, acknowledged, failures);
        }
        advance(Duration.ofSeconds(120));

        assertThat(failures).isEmpty();
        java.util.Map<DatasetRef, List<Long>> times = new java.util.HashMap<>();
        service.calls.forEach(c -> times.computeIfAbsent(c.dataset(), d -> new ArrayList<>()).add(c.atMillis()));
        long longestGap = 0;
        for (List<Long> calls : times.values()) {
            for (int i = 1; i < calls.size() && calls.get(i) < 60_000; i++) {
                longestGap = Math.max(longestGap, calls.get(i) - calls.get(i - 1));
            }
        }
        assertThat(longestGap).as("longest wait of a dataset between two calls, ms").isLessThan(5_000);
    }

    private void loop(CoalescingWriter writer, DatasetRef dataset, String key, int i, long endMillis,
                      AtomicInteger acknowledged, List<Throwable> failures) {
        if (time.now(java.util.concurrent.TimeUnit.MILLISECONDS) >= endMillis) {
            return;
        }
        subscriptions.add(writer.put(dataset, key, "v" + i).subscribe(record -> {
            acknowledged.incrementAndGet();
            loop(writer, dataset, key, i + 1, endMillis, acknowledged, failures);
        }, failures::add));
    }

    @Test
    void writesThatCannotFitInAFullDatasetFailWithoutSplittingTheBatchDownToOnes() {
        service.maxRecords = 1024;
        for (int k = 0; k < 1024; k++) {
            service.writeElsewhere(DATASET, "full-" + k, "x");
        }
        service.latency = Duration.ofMillis(5);
        CoalescingWriter writer = writer(WriterOptions.defaults());
        List<Outcome> writes = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            writes.add(run(writer.put(DATASET, "new-" + i, "v")));
        }
        Outcome update = run(writer.put(DATASET, "full-3", "changed"));
        advance(Duration.ofSeconds(30));

        assertThat(writes).allSatisfy(w -> assertThat(w.error).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("cannot fit"));
        assertThat(update.record.value()).isEqualTo("changed");
        assertThat(service.calls.size()).as("calls for 4,001 writes").isLessThanOrEqualTo(40);
    }

    @Test
    void aRefusalTheRecordsDoNotExplainIsBisectedInLogarithmicallyManyCalls() {
        service.maxRecords = 1;
        CoalescingWriter writer = writer(WriterOptions.defaults());
        // 64 removes fit anywhere; one new record fits; the refusal comes from the two new records together.
        List<Outcome> writes = new ArrayList<>();
        service.latency = Duration.ofMillis(5);
        run(writer.put(DATASET, "blocker", "x"));
        advance(Duration.ofSeconds(1));
        service.writeElsewhere(DATASET, "blocker", null);
        for (int i = 0; i < 64; i++) {
            writes.add(run(i < 2 ? writer.put(DATASET, "k" + i, "v") : writer.remove(DATASET, "k" + i)));
        }
        advance(Duration.ofSeconds(30));
        long failed = writes.stream().filter(w -> w.error != null).count();
        assertThat(failed).isEqualTo(1);
        assertThat(service.count("update")).isLessThanOrEqualTo(12);
    }

    @Test
    void aManagedPutThatKeepsLosingToAnotherWriterKeepsResolvingUntilItWins() {
        AtomicInteger races = new AtomicInteger(12);
        service.beforeUpdate = dataset -> {
            if (races.getAndDecrement() > 0) {
                service.writeElsewhere(dataset, "shared", "theirs");
            }
            return null;
        };
        CoalescingWriter writer = writer(WriterOptions.defaults());
        Outcome write = run(writer.put(DATASET, "shared", "mine"));
        advance(Duration.ofSeconds(29));

        assertThat(write.error).isNull();
        assertThat(write.record.value()).isEqualTo("mine");
        assertThat(service.record(DATASET, "shared").value()).isEqualTo("mine");
        assertThat(writer.stats().conflicts()).isEqualTo(12);
    }

    @Test
    void aCancelledQueuedWriteIsNeverSent() {
        service.latency = Duration.ofMillis(100);
        CoalescingWriter writer = writer(WriterOptions.defaults());
        run(writer.put(DATASET, "a", "1"));
        advance(Duration.ofMillis(150));
        Outcome cancelled = new Outcome();
        Disposable subscription = writer.put(DATASET, "b", "2").subscribe(r -> cancelled.record = r);
        subscription.dispose();
        advance(Duration.ofSeconds(1));

        assertThat(cancelled.record).isNull();
        assertThat(service.record(DATASET, "b")).isNull();
        assertThat(writer.stats().patchesCancelled()).isEqualTo(1);
    }

    @Test
    void closeFlushesWhatItCanAndEndsTheRestByItsTimeout() {
        CoalescingWriter writer = writer(WriterOptions.builder().closeTimeout(Duration.ofSeconds(3)).build());
        run(writer.put(DATASET, "warm", "0"));
        advance(Duration.ofSeconds(1));
        service.then(Fault.HANG, 1);
        Outcome inFlight = run(writer.put(DATASET, "a", "1"));
        Outcome closed = new Outcome();
        subscriptions.add(writer.close().subscribe(null, e -> { }, () -> closed.atMillis = 1));
        Outcome refused = run(writer.put(DATASET, "b", "1"));
        advance(Duration.ofSeconds(4));

        assertThat(refused.error).isInstanceOf(WriterClosedException.class);
        assertThat(inFlight.error).isInstanceOf(WriterClosedException.class);
        assertThat(((WriterClosedException) inFlight.error).mayHaveBeenApplied()).isTrue();
        assertThat(closed.done()).isTrue();
    }

    private Outcome delete(CoalescingWriter writer, DatasetRef dataset) {
        Outcome outcome = new Outcome();
        subscriptions.add(writer.deleteDataset(dataset).subscribe(deleted -> {
            outcome.record = new Record(deleted.datasetName(), Long.toString(deleted.numRecords()), 0, null, null,
                    null);
            outcome.atMillis = time.now(java.util.concurrent.TimeUnit.MILLISECONDS);
        }, error -> {
            outcome.error = error;
            outcome.atMillis = time.now(java.util.concurrent.TimeUnit.MILLISECONDS);
        }));
        return outcome;
    }

    @Test
    void writesBeforeADeleteAreWrittenFirstAndWritesAfterItStartOverFromZero() {
        service.latency = Duration.ofMillis(100);
        CoalescingWriter writer = writer(WriterOptions.defaults());
        Outcome a1 = run(writer.put(DATASET, "a", "1"));
        advance(Duration.ofMillis(150));
        Outcome b1 = run(writer.put(DATASET, "b", "1"));
        Outcome deleted = delete(writer, DATASET);
        Outcome a2 = run(writer.put(DATASET, "a", "2"));
        Outcome c1 = run(writer.put(DATASET, "c", "1"));
        advance(Duration.ofSeconds(2));

        assertThat(a1.record.syncCount()).isEqualTo(1);
        assertThat(b1.record.syncCount()).isEqualTo(2);
        assertThat(deleted.error).isNull();
        assertThat(deleted.record.value()).as("records deleted").isEqualTo("2");
        assertThat(a2.record.syncCount()).as("the new dataset starts over").isEqualTo(1);
        assertThat(c1.record.syncCount()).isEqualTo(1);
        assertThat(service.record(DATASET, "a").value()).isEqualTo("2");
        assertThat(service.record(DATASET, "b")).isNull();
        assertThat(service.calls).extracting(FakeSyncService.Call::operation)
                .containsExactly("list", "update", "update", "delete", "list", "update");
    }

    @Test
    void aManagedWriteAfterADeleteDoesNotMergeWithOneBeforeIt() {
        service.latency = Duration.ofMillis(100);
        CoalescingWriter writer = writer(WriterOptions.defaults());
        run(writer.put(DATASET, "a", "1"));
        advance(Duration.ofMillis(150));
        Outcome before = run(writer.put(DATASET, "a", "2"));
        delete(writer, DATASET);
        Outcome after = run(writer.put(DATASET, "a", "3"));
        advance(Duration.ofSeconds(2));

        assertThat(before.record.value()).isEqualTo("2");
        assertThat(before.record.syncCount()).isEqualTo(2);
        assertThat(after.record.value()).isEqualTo("3");
        assertThat(after.record.syncCount()).isEqualTo(1);
    }

    @Test
    void deletingADatasetThatDoesNotExistFailsAndLaterWritesStillWork() {
        CoalescingWriter writer = writer(WriterOptions.defaults());
        Outcome deleted = delete(writer, DATASET);
        Outcome write = run(writer.put(DATASET, "a", "1"));
        advance(Duration.ofSeconds(1));

        assertThat(deleted.error).isInstanceOf(dev.cogsync.exception.ResourceNotFoundException.class);
        assertThat(write.record.syncCount()).isEqualTo(1);
    }

    @Test
    void aThrottledDeleteIsRetriedWithBackoffAndWritesWaitBehindIt() {
        CoalescingWriter writer = writer(WriterOptions.builder().adaptiveRate(false).build());
        run(writer.put(DATASET, "a", "1"));
        advance(Duration.ofSeconds(1));
        service.then(Fault.THROTTLE, 2);
        Outcome deleted = delete(writer, DATASET);
        Outcome after = run(writer.put(DATASET, "a", "2"));
        advance(Duration.ofSeconds(1));
        assertThat(deleted.done()).isFalse();
        assertThat(after.done()).as("waits behind the delete").isFalse();
        advance(Duration.ofSeconds(5));

        assertThat(deleted.error).isNull();
        assertThat(after.record.syncCount()).isEqualTo(1);
        assertThat(service.times("delete")).containsExactly(1000L, 1500L, 2500L);
    }
}
