package dev.cogsync.reactor;

import dev.cogsync.batch.ConflictResolver;
import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.emulator.DatasetSnapshot;
import dev.cogsync.emulator.EmulatorLimits;
import dev.cogsync.emulator.FaultConfig;
import dev.cogsync.emulator.FaultScope;
import dev.cogsync.emulator.junit.CognitoSyncEmulatorExtension;
import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.exception.SyncCountConflict;
import dev.cogsync.exception.WriterClosedException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The coalescer's named cases against the emulator: batching, conflicts, ordering, tokens, cancel, close. */
class CoalescingWriterIT {

    @RegisterExtension
    static final CognitoSyncEmulatorExtension EMULATOR = CognitoSyncEmulatorExtension.create().resetBeforeEach();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final DatasetRef DATASET = WriterFixture.dataset(1, "settings");

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

    private static CognitoSyncEmulator emulator() {
        return EMULATOR.emulator();
    }

    private static DatasetSnapshot state(DatasetRef dataset) {
        return emulator().dataset(dataset).orElseThrow();
    }

    private static long updateCalls() {
        return emulator().counters().requests(ApiOperation.UPDATE_RECORDS);
    }

    @Test
    void concurrentWritesToADatasetShareRequests() {
        CoalescingWriter writer = fixture.writer();

        List<Record> records = Flux.range(0, 500)
                .flatMap(i -> writer.put(DATASET, "key-" + i, "value-" + i), 500)
                .collectList().block(WAIT);

        assertThat(records).hasSize(500);
        assertThat(records).allSatisfy(record -> assertThat(record.value()).isEqualTo("value-"
                + record.key().substring(4)));
        assertThat(state(DATASET).records()).hasSize(500);
        assertThat(updateCalls()).as("500 writes, far fewer requests").isLessThanOrEqualTo(50);
        assertThat(writer.stats().patchesPerRequest()).isGreaterThan(10);
    }

    @Test
    void oneStalePatchInFiftyFailsAloneAndTheOthersAreWritten() {
        CoalescingWriter writer = fixture.writer(WriterOptions.builder().linger(Duration.ofMillis(300)).build());
        writer.submit(DATASET, RecordPatch.replace("key-7", "first", 0)).block(WAIT);
        long before = updateCalls();

        List<Mono<Record>> writes = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            writes.add(writer.submit(DATASET, RecordPatch.replace("key-" + i, "v" + i, 0))
                    .onErrorResume(ResourceConflictException.class, e -> Mono.just(new Record("CONFLICT:"
                            + e.conflict().orElseThrow().key() + ":" + e.conflict().orElseThrow().currentSyncCount()
                            + ":" + e.conflict().orElseThrow().sentSyncCount(), null, -1, null, null, null))));
        }
        List<Record> outcomes = Flux.merge(writes).collectList().block(WAIT);

        assertThat(outcomes).extracting(Record::key).contains("CONFLICT:key-7:1:0");
        assertThat(outcomes.stream().filter(r -> r.syncCount() > 0)).hasSize(49);
        assertThat(state(DATASET).value("key-7")).isEqualTo("first");
        assertThat(state(DATASET).records()).hasSize(50);
        assertThat(updateCalls() - before).as("one refused request, one resend").isEqualTo(2);
    }

    @Test
    void explicitWritesToOneKeyTravelInOrderAndALaterStaleOneConflicts() {
        CoalescingWriter writer = fixture.writer(WriterOptions.builder().linger(Duration.ofMillis(200)).build());

        Mono<Record> first = writer.submit(DATASET, RecordPatch.replace("k", "a", 0));
        Mono<Record> second = writer.submit(DATASET, RecordPatch.replace("k", "b", 0));
        Mono<Record> third = writer.submit(DATASET, RecordPatch.replace("k", "c", 1));

        StepVerifier.create(Flux.mergeSequentialDelayError(List.of(
                        first.map(Record::value), second.map(Record::value).onErrorResume(
                                ResourceConflictException.class, e -> Mono.just("conflict " + e.conflict()
                                        .map(SyncCountConflict::toMessage).orElseThrow())),
                        third.map(r -> r.value() + "@" + r.syncCount())), 3, 1))
                .expectNext("a", "conflict Current SyncCount for: k is: 1 not: 0", "c@2")
                .verifyComplete();
        assertThat(state(DATASET).value("k")).isEqualTo("c");
    }

    @Test
    void managedWritesToOneKeyMergeAndEveryCallerGetsTheRecordWritten() {
        CoalescingWriter writer = fixture.writer(WriterOptions.builder().linger(Duration.ofMillis(200)).build());

        List<Record> records = Flux.merge(writer.put(DATASET, "k", "v1"), writer.put(DATASET, "k", "v2"),
                writer.put(DATASET, "other", "x")).collectList().block(WAIT);

        assertThat(records).filteredOn(r -> r.key().equals("k")).extracting(Record::value)
                .containsExactly("v2", "v2");
        assertThat(state(DATASET).value("k")).isEqualTo("v2");
        assertThat(updateCalls()).isEqualTo(1);
    }

    @Test
    void managedWritesFillInSyncCountsAcrossRequests() {
        CoalescingWriter writer = fixture.writer();
        for (int round = 0; round < 5; round++) {
            Record record = writer.put(DATASET, "counter", Integer.toString(round)).block(WAIT);
            assertThat(record.syncCount()).isEqualTo(round + 1);
        }
        assertThat(writer.remove(DATASET, "counter").block(WAIT).isDeleted()).isTrue();
        assertThat(state(DATASET).record("counter").isDeleted()).isTrue();
    }

    @Test
    void aChangeByAnotherWriterIsResolvedByLastWriterWinsByDefault() {
        CoalescingWriter writer = fixture.writer();
        writer.put(DATASET, "k", "mine").block(WAIT);
        changeBehindTheWritersBack("k", "theirs");

        Record record = writer.put(DATASET, "k", "mine again").block(WAIT);

        assertThat(record.value()).isEqualTo("mine again");
        assertThat(state(DATASET).value("k")).isEqualTo("mine again");
        assertThat(writer.stats().conflicts()).isEqualTo(1);
    }

    @Test
    void keepRemoteGivesTheCallerTheRemoteRecord() {
        CoalescingWriter writer = fixture.writer(WriterOptions.builder()
                .conflictResolver(ConflictResolver.KEEP_REMOTE).build());
        writer.put(DATASET, "k", "mine").block(WAIT);
        changeBehindTheWritersBack("k", "theirs");

        assertThat(writer.put(DATASET, "k", "mine again").block(WAIT).value()).isEqualTo("theirs");
        assertThat(state(DATASET).value("k")).isEqualTo("theirs");
    }

    @Test
    void failResolverFailsTheCallerWithTheRemoteRecord() {
        CoalescingWriter writer = fixture.writer(WriterOptions.builder().conflictResolver(ConflictResolver.FAIL)
                .build());
        writer.put(DATASET, "k", "mine").block(WAIT);
        changeBehindTheWritersBack("k", "theirs");

        StepVerifier.create(writer.put(DATASET, "k", "mine again"))
                .expectErrorSatisfies(e -> {
                    ResourceConflictException conflict = (ResourceConflictException) e;
                    assertThat(conflict.currentRecord()).get().extracting(Record::value).isEqualTo("theirs");
                    assertThat(conflict.conflict()).contains(new SyncCountConflict("k", 2, 1));
                })
                .verify(WAIT);
    }

    @Test
    void aMergingResolverWritesWhatItChose() {
        CoalescingWriter writer = fixture.writer(WriterOptions.builder()
                .conflictResolver((key, local, remote) -> dev.cogsync.batch.Resolution.write(remote.value() + "+"
                        + local)).build());
        writer.put(DATASET, "k", "a").block(WAIT);
        changeBehindTheWritersBack("k", "b");

        assertThat(writer.put(DATASET, "k", "c").block(WAIT).value()).isEqualTo("b+c");
    }

    private void changeBehindTheWritersBack(String key, String value) {
        CognitoSyncClient other = fixture.client();
        var page = other.listRecords(ListRecordsRequest.of(DATASET)).block(WAIT);
        long count = page.records().stream().filter(r -> r.key().equals(key)).findFirst().map(Record::syncCount)
                .orElse(0L);
        other.updateRecords(UpdateRecordsRequest.builder().dataset(DATASET).syncSessionToken(page.syncSessionToken())
                .addRecordPatch(RecordPatch.replace(key, value, count)).build()).block(WAIT);
    }

    @Test
    void aRequestRefusedAsAWholeIsSplitUntilTheWriteToBlameIsAlone() {
        try (CognitoSyncEmulator strict = CognitoSyncEmulator.builder().seed(3)
                .limits(new EmulatorLimits(20, 1024, 1 << 20, 1024, 10)).start();
             WriterFixture local = new WriterFixture(strict)) {
            CoalescingWriter writer = local.writer(WriterOptions.builder().linger(Duration.ofMillis(200)).build());
            List<Mono<String>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String value = i == 5 ? "far too long for the limit" : "ok-" + i;
                writes.add(writer.put(DATASET, "key-" + i, value).map(Record::value)
                        .onErrorResume(CognitoSyncServiceException.class, e -> Mono.just("refused " + e.statusCode())));
            }

            List<String> outcomes = Flux.mergeSequential(writes).collectList().block(WAIT);

            assertThat(outcomes).containsExactly("ok-0", "ok-1", "ok-2", "ok-3", "ok-4", "refused 400", "ok-6",
                    "ok-7");
            assertThat(strict.dataset(DATASET).orElseThrow().records()).hasSize(7);
        }
    }

    @Test
    void aLostResponseThatWasAppliedIsReportedAsWrittenNotAsAConflict() {
        CoalescingWriter writer = fixture.writer(WriterOptions.defaults());
        writer.put(DATASET, "k", "before").block(WAIT);
        emulator().configureFaults(FaultConfig.builder().appliedThenDropped(1.0)
                .scope(FaultScope.UPDATE_RECORDS_ONLY).build());

        Record managed = writer.put(DATASET, "k", "after").block(WAIT);
        Record explicit = writer.submit(DATASET, RecordPatch.replace("e", "x", 0)).block(WAIT);

        assertThat(managed.value()).isEqualTo("after");
        assertThat(managed.syncCount()).isEqualTo(2);
        assertThat(explicit.value()).isEqualTo("x");
        assertThat(state(DATASET).syncCount()).as("each write applied exactly once").isEqualTo(3);
        assertThat(writer.stats().lostResponsesRecovered()).isEqualTo(2);
    }

    @Test
    void singleUseSessionTokensAreFetchedAgainAndWritesSucceed() {
        try (CognitoSyncEmulator singleUse = CognitoSyncEmulator.builder().singleUseTokens(true).start();
             WriterFixture local = new WriterFixture(singleUse)) {
            CoalescingWriter writer = local.writer();
            for (int i = 0; i < 10; i++) {
                assertThat(writer.put(DATASET, "k", "v" + i).block(WAIT).syncCount()).isEqualTo(i + 1);
            }
            assertThat(singleUse.counters().requests(ApiOperation.UPDATE_RECORDS, 400))
                    .as("one rejection teaches the writer that tokens are single-use").isEqualTo(1);
            assertThat(writer.stats().patchesWritten()).isEqualTo(10);
        }
    }

    @Test
    void anExpiredSessionTokenIsReplaced() {
        // The emulator's clock, moved by hand: the token expires when the test says so, not after a sleep.
        dev.cogsync.reactor.auth.ManualClock clock = new dev.cogsync.reactor.auth.ManualClock(java.time.Instant.now());
        try (CognitoSyncEmulator expiring = CognitoSyncEmulator.builder().tokenTtl(Duration.ofMillis(300))
                .clock(clock).start();
             WriterFixture local = new WriterFixture(expiring)) {
            CoalescingWriter writer = local.writer();
            writer.put(DATASET, "k", "1").block(WAIT);
            writer.put(DATASET, "k", "2").block(WAIT);
            clock.advance(Duration.ofMillis(400));

            assertThat(writer.put(DATASET, "k", "3").block(WAIT).value()).isEqualTo("3");
            assertThat(expiring.counters().requests(ApiOperation.UPDATE_RECORDS, 400)).isEqualTo(1);
        }
    }

    @Test
    void cancellingBeforeTheWriteIsSentWithdrawsIt() {
        emulator().configureFaults(FaultConfig.builder().latency(1.0, Duration.ofMillis(500), Duration.ZERO)
                .scope(FaultScope.UPDATE_RECORDS_ONLY).build());
        CoalescingWriter writer = fixture.writer();
        Mono<Record> inFlight = writer.put(DATASET, "first", "1").cache();
        inFlight.subscribe();
        Await.until(WAIT, () -> writer.stats().updateRecordsCalls() == 1);

        Disposable withdrawn = writer.put(DATASET, "second", "2").subscribe();
        withdrawn.dispose();

        assertThat(inFlight.block(WAIT).value()).isEqualTo("1");
        assertThat(writer.stats().patchesCancelled()).isEqualTo(1);
        assertThat(writer.stats().pendingPatches()).isZero();
        assertThat(state(DATASET).record("second")).isNull();
        assertThat(writer.stats().updateRecordsCalls()).isEqualTo(1);
    }

    @Test
    void cancellingAfterTheWriteIsSentDoesNotStopIt() {
        emulator().configureFaults(FaultConfig.builder().latency(1.0, Duration.ofMillis(500), Duration.ZERO)
                .scope(FaultScope.UPDATE_RECORDS_ONLY).build());
        CoalescingWriter writer = fixture.writer();
        Disposable caller = writer.put(DATASET, "k", "sent").subscribe();
        Await.until(WAIT, () -> writer.stats().updateRecordsCalls() == 1);

        caller.dispose();

        Await.until(WAIT, () -> "sent".equals(emulator().dataset(DATASET).map(s -> s.value("k")).orElse("")));
        assertThat(writer.stats().patchesCancelled()).isZero();
        Await.until(WAIT, () -> writer.stats().pendingPatches() == 0);
    }

    @Test
    void closeFlushesWhatIsPendingThenRefusesWrites() {
        emulator().configureFaults(FaultConfig.builder().latency(1.0, Duration.ofMillis(100), Duration.ZERO)
                .scope(FaultScope.UPDATE_RECORDS_ONLY).build());
        CoalescingWriter writer = fixture.writer();
        Mono<List<Record>> pending = Flux.range(0, 100).flatMap(i -> writer.put(DATASET, "k" + i, "v")).collectList()
                .cache();
        pending.subscribe();
        Await.until(WAIT, () -> writer.stats().patchesSubmitted() == 100);

        writer.close().block(WAIT);

        assertThat(pending.block(WAIT)).hasSize(100);
        assertThat(state(DATASET).records()).hasSize(100);
        StepVerifier.create(writer.put(DATASET, "late", "v"))
                .expectErrorSatisfies(e -> assertThat(((WriterClosedException) e).mayHaveBeenApplied()).isFalse())
                .verify(WAIT);
    }

    @Test
    void closeTimeoutFailsWhatIsStillPendingSayingWhetherItMayHaveBeenApplied() {
        emulator().configureFaults(FaultConfig.builder().latency(1.0, Duration.ofSeconds(3), Duration.ZERO)
                .scope(FaultScope.UPDATE_RECORDS_ONLY).build());
        CoalescingWriter writer = fixture.writer(WriterOptions.builder().closeTimeout(Duration.ofMillis(300))
                .build());
        AtomicReference<Throwable> inFlight = new AtomicReference<>();
        AtomicReference<Throwable> queued = new AtomicReference<>();
        writer.put(DATASET, "a", "1").subscribe(r -> { }, inFlight::set);
        Await.until(WAIT, () -> writer.stats().updateRecordsCalls() == 1);
        writer.put(DATASET, "b", "2").subscribe(r -> { }, queued::set);

        writer.close().block(WAIT);

        assertThat(((WriterClosedException) inFlight.get()).mayHaveBeenApplied()).isTrue();
        assertThat(((WriterClosedException) queued.get()).mayHaveBeenApplied()).isFalse();
        assertThat(writer.stats().pendingPatches()).isZero();
    }
}
