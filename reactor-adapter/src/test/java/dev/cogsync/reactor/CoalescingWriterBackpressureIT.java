package dev.cogsync.reactor;

import dev.cogsync.emulator.FaultConfig;
import dev.cogsync.emulator.FaultScope;
import dev.cogsync.emulator.junit.CognitoSyncEmulatorExtension;
import dev.cogsync.exception.WriterOverloadedException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Bounded memory and Reactive Streams backpressure: overload, held writes, a million offers, submitAll. */
class CoalescingWriterBackpressureIT {

    @RegisterExtension
    static final CognitoSyncEmulatorExtension EMULATOR = CognitoSyncEmulatorExtension.create().resetBeforeEach();

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final DatasetRef DATASET = WriterFixture.dataset(7, "bounded");

    private WriterFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new WriterFixture(EMULATOR.emulator());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
        EMULATOR.emulator().configureFaults(FaultConfig.NONE);
    }

    private static void slowUpdates(Duration latency) {
        EMULATOR.emulator().configureFaults(FaultConfig.builder().latency(1.0, latency, Duration.ZERO)
                .scope(FaultScope.UPDATE_RECORDS_ONLY).build());
    }

    @Test
    void overloadFailsFastWithoutWaitingForAnyRequest() {
        slowUpdates(Duration.ofMillis(500));
        CoalescingWriter writer = fixture.writer(WriterOptions.builder().maxPendingPatches(10).build());
        List<String> events = new CopyOnWriteArrayList<>();

        Flux.range(0, 100)
                .flatMap(i -> writer.put(DATASET, "k" + i, "v").map(r -> "written")
                        .onErrorResume(WriterOverloadedException.class, e -> Mono.just("overloaded")), 100)
                .doOnNext(events::add)
                .blockLast(WAIT);

        assertThat(events).filteredOn("overloaded"::equals).hasSize(90);
        assertThat(events).filteredOn("written"::equals).hasSize(10);
        assertThat(events.subList(0, 90)).as("refusals came before any request finished").containsOnly("overloaded");
        assertThat(writer.stats().overloads()).isEqualTo(90);
    }

    @Test
    void perDatasetBoundsOverloadOnlyThatDataset() {
        slowUpdates(Duration.ofMillis(300));
        CoalescingWriter writer = fixture.writer(WriterOptions.builder().maxPendingPatchesPerDataset(5).build());
        DatasetRef other = WriterFixture.dataset(7, "other");

        List<String> outcomes = Flux.range(0, 20)
                .flatMap(i -> writer.put(i < 10 ? DATASET : other, "k" + i, "v").map(r -> "ok")
                        .onErrorResume(WriterOverloadedException.class, e -> Mono.just(e.getMessage())), 20)
                .collectList().block(WAIT);

        assertThat(outcomes).filteredOn("ok"::equals).hasSize(10);
        assertThat(outcomes).filteredOn(m -> !m.equals("ok")).allSatisfy(m -> assertThat(m)
                .contains("the dataset's pending writes are at their bound (5 patches"));
    }

    @Test
    void waitingForRoomHoldsWritesWithoutBlockingUntilThereIsRoom() {
        slowUpdates(Duration.ofMillis(20));
        CoalescingWriter writer = fixture.writer(WriterOptions.builder().maxPendingPatches(3)
                .overloadPolicy(OverloadPolicy.WAIT).overloadWaitTimeout(Duration.ofSeconds(30)).build());

        List<Record> records = Flux.range(0, 60).flatMap(i -> writer.put(DATASET, "k" + i, "v"), 60)
                .collectList().block(WAIT);

        assertThat(records).hasSize(60);
        assertThat(writer.stats().overloads()).isZero();
    }

    @Test
    void waitingForRoomGivesUpAfterItsTimeout() {
        slowUpdates(Duration.ofSeconds(2));
        CoalescingWriter writer = fixture.writer(WriterOptions.builder().maxPendingPatches(1)
                .overloadPolicy(OverloadPolicy.WAIT).overloadWaitTimeout(Duration.ofMillis(200)).build());

        List<String> outcomes = Flux.range(0, 5).flatMap(i -> writer.put(DATASET, "k" + i, "v").map(r -> "ok")
                .onErrorResume(WriterOverloadedException.class, e -> Mono.just(e.getMessage())), 5)
                .collectList().block(WAIT);

        assertThat(outcomes).containsOnlyOnce("ok");
        assertThat(outcomes).filteredOn(m -> !m.equals("ok"))
                .allSatisfy(m -> assertThat(m).contains("no room for the write within PT0.2S"));
    }

    @Test
    void theHeapStaysBoundedWithAMillionPatchesOffered() {
        int maxPending = 20_000;
        CoalescingWriter writer = fixture.writer(WriterOptions.builder().maxPendingPatches(maxPending)
                .maxPendingBytes(8L << 20).build());
        AtomicLong written = new AtomicLong();
        AtomicLong overloaded = new AtomicLong();
        AtomicLong otherErrors = new AtomicLong();
        long baseline = usedHeapAfterGc();
        long maxPendingSeen = 0;
        long maxHeapGrowth = 0;

        for (int i = 0; i < 1_000_000; i++) {
            DatasetRef dataset = WriterFixture.dataset(8 + i % 2, "million-" + (i % 10));
            writer.put(dataset, "k" + (i % 1000), "value-" + i).subscribe(r -> written.incrementAndGet(),
                    e -> (e instanceof WriterOverloadedException ? overloaded : otherErrors).incrementAndGet());
            if (i % 20_000 == 0) {
                maxPendingSeen = Math.max(maxPendingSeen, writer.stats().pendingPatches());
            }
            if (i % 250_000 == 0) {
                maxHeapGrowth = Math.max(maxHeapGrowth, usedHeapAfterGc() - baseline);
            }
        }
        Await.until(WAIT, () -> written.get() + overloaded.get() + otherErrors.get() == 1_000_000);

        assertThat(otherErrors).hasValue(0);
        assertThat(written.get()).isPositive();
        assertThat(maxPendingSeen).isLessThanOrEqualTo(maxPending);
        assertThat(maxHeapGrowth).as("heap growth while a million patches were offered")
                .isLessThan(64L << 20);
        assertThat(writer.stats().pendingPatches()).isZero();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void submitAllRequestsFromUpstreamOnlyAsRoomFrees() {
        CoalescingWriter writer = fixture.writer(WriterOptions.builder().submitAllConcurrency(64).build());
        AtomicLong requested = new AtomicLong();
        AtomicLong produced = new AtomicLong();
        AtomicLong emitted = new AtomicLong();
        Flux<WriteRequest> source = Flux.range(0, 5_000)
                .map(i -> WriteRequest.put(DATASET, "k" + (i % 500), "v" + i))
                .doOnRequest(requested::addAndGet)
                .doOnNext(w -> produced.incrementAndGet());

        StepVerifier.create(writer.submitAll(source).doOnNext(o -> emitted.incrementAndGet()), 0)
                .thenAwait(Duration.ofMillis(200))
                .then(() -> assertThat(produced.get()).as("nothing flows before demand, beyond the bound")
                        .isLessThanOrEqualTo(64))
                .thenRequest(10)
                .expectNextCount(10)
                .thenAwait(Duration.ofMillis(300))
                .then(() -> assertThat(produced.get() - emitted.get()).as("held, not yet emitted")
                        .isLessThanOrEqualTo(64))
                .thenRequest(Long.MAX_VALUE)
                .expectNextCount(4_990)
                .verifyComplete();

        assertThat(requested.get()).isLessThanOrEqualTo(5_000 + 64);
        assertThat(writer.stats().patchesWritten()).isEqualTo(5_000);
    }

    @Test
    void submitAllEmitsOneOutcomePerWriteWithFailuresAsValues() {
        CoalescingWriter writer = fixture.writer();
        List<WriteOutcome> outcomes = writer.submitAll(Flux.just(
                        WriteRequest.put(DATASET, "a", "1"),
                        WriteRequest.put(DATASET, "", "empty key is invalid"),
                        WriteRequest.remove(DATASET, "b"),
                        WriteRequest.submit(DATASET, dev.cogsync.model.RecordPatch.replace("c", "3", 0))))
                .collectList().block(WAIT);

        assertThat(outcomes).hasSize(4);
        assertThat(outcomes).filteredOn(WriteOutcome::isSuccess).hasSize(3);
        assertThat(outcomes).filteredOn(o -> !o.isSuccess()).singleElement().satisfies(o ->
                assertThat(o.error()).hasMessageStartingWith("recordPatch.key: length must be between 1 and 1024"));
    }

    @Test
    void activeDatasetsAreBoundedAndIdleOnesAreEvicted() {
        CoalescingWriter writer = fixture.writer(WriterOptions.builder().maxActiveDatasets(2)
                .idleTimeout(Duration.ofMillis(200)).build());
        DatasetRef first = WriterFixture.dataset(9, "first");
        DatasetRef second = WriterFixture.dataset(9, "second");
        DatasetRef third = WriterFixture.dataset(9, "third");
        writer.put(first, "k", "v").block(WAIT);
        writer.put(second, "k", "v").block(WAIT);
        assertThat(writer.stats().activeDatasets()).isEqualTo(2);

        // Both are idle now, so a third dataset evicts one instead of being refused.
        assertThat(writer.put(third, "k", "v").block(WAIT).value()).isEqualTo("v");
        assertThat(writer.stats().activeDatasets()).isLessThanOrEqualTo(2);
        // The sweeper evicts what stays idle past the timeout.
        Await.until(WAIT, () -> writer.stats().activeDatasets() == 0);

        slowUpdates(Duration.ofMillis(500));
        List<String> outcomes = Flux.merge(writer.put(first, "k", "busy").map(r -> "ok"),
                        writer.put(second, "k", "busy").map(r -> "ok"),
                        Mono.delay(Duration.ofMillis(100)).then(writer.put(third, "k", "refused").map(r -> "ok")
                                .onErrorResume(WriterOverloadedException.class, e -> Mono.just(e.getMessage()))))
                .collectList().block(WAIT);
        assertThat(outcomes).containsOnlyOnce("cogsync writer overloaded: the most active datasets (2) are busy");
    }

    @Test
    void requestsInFlightOverAllDatasetsStayUnderTheGlobalLimit() {
        slowUpdates(Duration.ofMillis(100));
        CoalescingWriter writer = fixture.writer(WriterOptions.builder().maxInFlightRequests(2).build());
        AtomicLong mostInFlight = new AtomicLong();
        Mono<List<Record>> writes = Flux.range(0, 8)
                .flatMap(i -> writer.put(WriterFixture.dataset(10, "parallel-" + i), "k", "v"))
                .collectList().cache();
        writes.subscribe();
        Await.until(WAIT, () -> {
            mostInFlight.accumulateAndGet(writer.stats().requestsInFlight(), Math::max);
            return writer.stats().patchesWritten() == 8;
        });

        assertThat(writes.block(WAIT)).hasSize(8);
        assertThat(mostInFlight.get()).isEqualTo(2);
    }
}
