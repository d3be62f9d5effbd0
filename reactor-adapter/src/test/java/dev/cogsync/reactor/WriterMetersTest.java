package dev.cogsync.reactor;

import dev.cogsync.exception.WriteTimeoutException;
import dev.cogsync.exception.WriterOverloadedException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.reactor.FakeSyncService.Fault;
import dev.cogsync.reactor.internal.AdaptiveRates;
import dev.cogsync.reactor.micrometer.CogsyncMeters;
import dev.cogsync.retry.RetryPolicy;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's Micrometer meters as an operator reads them, driven deterministically: the in-memory service, a
 * virtual clock, so every latency asserted is exact.
 */
class WriterMetersTest {

    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:0f0e0d0c-0000-4000-8000-00000000c0a1",
            "us-east-1:00000001-0000-4000-8000-000000000000", "settings");

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final FakeSyncService service = new FakeSyncService(time);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CogsyncMeters meters = CogsyncMeters.builder(registry).tags(Tags.of("writer", "settings")).build();
    private final List<Disposable> subscriptions = new ArrayList<>();

    private CoalescingWriter writer(WriterOptions.Builder options) {
        RetryPolicy policy = RetryPolicy.defaults();
        CoalescingWriter writer = new CoalescingWriter(new WriterCore(options.listener(meters).build(), service,
                policy, policy.newQuota(), WriterTimer.of(time), () -> 0.5, new AdaptiveRates()));
        meters.bind(writer);
        return writer;
    }

    private AtomicReference<Object> run(Mono<Record> write) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        subscriptions.add(write.subscribe(outcome::set, outcome::set));
        return outcome;
    }

    private double writes(String outcome) {
        return registry.find("cogsync.writer.writes").tag("outcome", outcome).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private double gauge(String name) {
        return registry.get(name).tag("writer", "settings").gauge().value();
    }

    @AfterEach
    void dispose() {
        subscriptions.forEach(Disposable::dispose);
        time.dispose();
    }

    @Test
    void successesAreCountedTimedAndTheirBatchesMeasured() {
        service.latency = Duration.ofMillis(100);
        CoalescingWriter writer = writer(WriterOptions.builder());
        run(writer.put(DATASET, "a", "1"));
        time.advanceTimeBy(Duration.ofMillis(150)); // ListRecords done, the first UpdateRecords in flight
        for (String key : List.of("b", "c", "d")) {
            run(writer.put(DATASET, key, "2"));
        }
        assertThat(gauge("cogsync.writer.pending.patches")).isEqualTo(4);
        assertThat(gauge("cogsync.writer.requests.in.flight")).isEqualTo(1);
        assertThat(gauge("cogsync.writer.active.datasets")).isEqualTo(1);
        time.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(writes("success")).isEqualTo(4);
        var latency = registry.get("cogsync.writer.write.latency").tag("outcome", "success").timer();
        assertThat(latency.count()).isEqualTo(4);
        // The first write took the ListRecords and its UpdateRecords (200 ms); the other three waited 50 ms for
        // it, then 100 ms for their own.
        assertThat(latency.max(TimeUnit.MILLISECONDS)).isEqualTo(200);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(200 + 3 * 150);
        var batches = registry.get("cogsync.writer.batch.size").summary();
        assertThat(batches.count()).isEqualTo(2);
        assertThat(batches.totalAmount()).isEqualTo(4);
        assertThat(batches.max()).isEqualTo(3);
        assertThat(registry.get("cogsync.writer.requests").tag("operation", "UpdateRecords").functionCounter()
                .count()).isEqualTo(2);
        assertThat(registry.get("cogsync.writer.requests").tag("operation", "ListRecords").functionCounter()
                .count()).isEqualTo(1);
        assertThat(gauge("cogsync.writer.pending.patches")).isZero();
        assertThat(gauge("cogsync.writer.requests.in.flight")).isZero();
    }

    @Test
    void throttlingShowsAsRetriesAndThrottledResponsesNotAsFailures() {
        service.then(Fault.THROTTLE, 3);
        CoalescingWriter writer = writer(WriterOptions.builder().adaptiveRate(false));
        AtomicReference<Object> write = run(writer.put(DATASET, "a", "1"));
        time.advanceTimeBy(Duration.ofSeconds(20));

        assertThat(write.get()).isInstanceOf(Record.class);
        assertThat(writes("success")).isEqualTo(1);
        assertThat(registry.find("cogsync.writer.writes").tag("outcome", "error").counters()).isEmpty();
        assertThat(registry.get("cogsync.writer.throttled").functionCounter().count()).isEqualTo(3);
        assertThat(registry.get("cogsync.writer.retries").functionCounter().count()).isEqualTo(3);
        // Backoffs with jitter 0.5: 0.5 s + 1 s + 2 s, all of it the write's latency.
        assertThat(registry.get("cogsync.writer.write.latency").tag("outcome", "success").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3_500);
    }

    @Test
    void anIdentityHeldBackByItsAdaptiveRateIsGaugedUntilItRecovers() {
        service.then(Fault.THROTTLE, 2);
        CoalescingWriter writer = writer(WriterOptions.builder());
        assertThat(gauge("cogsync.writer.rate.limited.identities")).isZero();
        run(writer.put(DATASET, "a", "1"));
        time.advanceTimeBy(Duration.ofMillis(10));

        assertThat(gauge("cogsync.writer.rate.limited.identities")).isEqualTo(1);
        time.advanceTimeBy(Duration.ofSeconds(30));
        assertThat(writes("success")).isEqualTo(1);
    }

    @Test
    void aDeadlineIsATimeoutTaggedWithItsExceptionAndTimedAtTheDeadline() {
        service.then(Fault.HANG, 1);
        CoalescingWriter writer = writer(WriterOptions.builder().writeTimeout(Duration.ofSeconds(2)));
        AtomicReference<Object> write = run(writer.put(DATASET, "a", "1"));
        time.advanceTimeBy(Duration.ofSeconds(3));

        assertThat(write.get()).isInstanceOf(WriteTimeoutException.class);
        assertThat(registry.get("cogsync.writer.writes").tag("outcome", "timeout")
                .tag("exception", "WriteTimeoutException").counter().count()).isEqualTo(1);
        assertThat(registry.get("cogsync.writer.write.latency").tag("outcome", "timeout").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
        assertThat(writes("success")).isZero();
    }

    @Test
    void overloadsAndCancellationsHaveTheirOwnOutcomes() {
        service.latency = Duration.ofMillis(100);
        CoalescingWriter writer = writer(WriterOptions.builder().maxPendingPatches(1));
        Disposable cancelled = writer.put(DATASET, "a", "1").subscribe();
        AtomicReference<Object> refused = run(writer.put(DATASET, "b", "1"));
        time.advanceTimeBy(Duration.ofMillis(50));
        cancelled.dispose();
        time.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(refused.get()).isInstanceOf(WriterOverloadedException.class);
        assertThat(writes("overloaded")).isEqualTo(1);
        assertThat(writes("cancelled")).isEqualTo(1);
        assertThat(registry.get("cogsync.writer.write.latency").tag("outcome", "cancelled").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(50);
        // A write ends once: the cancelled write is not also counted when its request completes.
        assertThat(writes("success")).isZero();
    }

    @Test
    void aListenerThatThrowsNeverReachesTheWrite() {
        RetryPolicy policy = RetryPolicy.defaults();
        WriterListener broken = new WriterListener() {
            @Override
            public void writeSucceeded(long nanos) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void batchSent(int patches) {
                throw new IllegalStateException("listener bug");
            }
        };
        CoalescingWriter writer = new CoalescingWriter(new WriterCore(WriterOptions.builder().listener(broken)
                .build(), service, policy, policy.newQuota(), WriterTimer.of(time), () -> 0.5, new AdaptiveRates()));
        AtomicReference<Object> write = run(writer.put(DATASET, "a", "1"));
        time.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(write.get()).isInstanceOf(Record.class);
        assertThat(((Record) write.get()).value()).isEqualTo("1");
    }

    @Test
    void outcomesOfErrorsAreLowCardinalityNames() {
        assertThat(CogsyncMeters.outcome(new WriterOverloadedException("full"))).isEqualTo("overloaded");
        assertThat(CogsyncMeters.outcome(new IllegalStateException())).isEqualTo("error");
        assertThat(CogsyncMeters.outcome(new dev.cogsync.exception.WriterClosedException("closed", false)))
                .isEqualTo("closed");
    }
}
