package dev.cogsync.workload;

import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.reactor.ClientOptions;
import dev.cogsync.reactor.CognitoSyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every mode's sender against the emulator: what it wrote is what a listing shows. */
class PatchSendersIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static CognitoSyncEmulator emulator;
    private static CognitoSyncClient client;

    @BeforeAll
    static void start() {
        emulator = CognitoSyncEmulator.builder().start();
        client = CognitoSyncClient.create(ClientOptions.builder()
                .region(emulator.region())
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(emulator.credentials()))
                .build());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    private static DatasetRef dataset(PatchMode mode, String test) {
        return DatasetRef.of(Workload.DEFAULT_IDENTITY_POOL_ID,
                Workload.identityId(Workload.DEFAULT_IDENTITY_POOL_ID, mode.ordinal()), test + "-" + mode.ordinal());
    }

    /** Runs a test with a sender of the mode, and closes it, whatever the test did. */
    private static void withSender(PatchMode mode, Consumer<PatchSender> test) {
        PatchSender sender = mode.sender(client, PatchMode.HARNESS_WRITER_OPTIONS);
        try {
            test.accept(sender);
        } finally {
            sender.close().block(TIMEOUT);
        }
    }

    private static Map<String, Record> live(DatasetRef dataset) {
        return client.listLiveRecords(ListRecordsRequest.of(dataset)).collectMap(Record::key).block(TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void putsReturnTheSyncCountThatTheServiceThenLists(PatchMode mode) {
        DatasetRef dataset = dataset(mode, "puts");
        withSender(mode, sender -> {
            List<Long> counts = Flux.range(0, 3)
                    .concatMap(i -> sender.put(dataset, "key-0", "value-" + i))
                    .collectList().block(TIMEOUT);

            assertThat(counts).hasSize(3).isSorted().doesNotHaveDuplicates();
            assertThat(live(dataset).get("key-0")).satisfies(record -> {
                assertThat(record.value()).isEqualTo("value-2");
                assertThat(record.syncCount()).isEqualTo(counts.get(2));
            });
        });
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void aRemovedRecordIsNoLongerListed(PatchMode mode) {
        DatasetRef dataset = dataset(mode, "removes");
        withSender(mode, sender -> {
            Long put = sender.put(dataset, "gone", "soon").block(TIMEOUT);
            sender.put(dataset, "kept", "yes").block(TIMEOUT);

            Long removed = sender.remove(dataset, "gone").block(TIMEOUT);

            assertThat(removed).isGreaterThan(put);
            assertThat(live(dataset)).containsOnlyKeys("kept");
        });
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void writersContendingForOneKeyAllSucceedAndTheLastValueStands(PatchMode mode) {
        DatasetRef dataset = dataset(mode, "contention");
        List<String> values = IntStream.range(0, 2).mapToObj(i -> "writer-" + i).toList();
        withSender(mode, sender -> {
            // Two writers, each writing the shared key three times in a row: the sync counts they carry go stale.
            // Each round of a conflict one of them wins, so neither loses more than three in a row: within the
            // bound of five.
            List<Long> counts = Flux.fromIterable(values)
                    .flatMap(value -> Flux.range(0, 3).concatMap(i -> sender.put(dataset, "shared", value)))
                    .collectList().block(TIMEOUT);

            assertThat(counts).hasSize(6);
            if (mode != PatchMode.COALESCED) {
                // Each write is a patch of its own; managed puts of one key may share one (the last value wins).
                assertThat(counts).doesNotHaveDuplicates();
            }
            Record record = live(dataset).get("shared");
            assertThat(values).contains(record.value());
            assertThat(record.syncCount()).isEqualTo(counts.stream().mapToLong(Long::longValue).max().orElseThrow());
        });
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void aSubmitCarriesItsOwnCountAndAStaleOneFailsWithTheConflict(PatchMode mode) {
        DatasetRef dataset = dataset(mode, "submits");
        withSender(mode, sender -> {
            Long first = sender.submit(dataset, RecordPatch.replace("k", "1", 0)).block(TIMEOUT);
            Long second = sender.submit(dataset, RecordPatch.replace("k", "2", first)).block(TIMEOUT);

            assertThat(second).isGreaterThan(first);
            assertThatThrownBy(() -> sender.submit(dataset, RecordPatch.replace("k", "3", first)).block(TIMEOUT))
                    .isInstanceOfSatisfying(CognitoSyncServiceException.class,
                            e -> assertThat(e.isConflict()).isTrue());
            assertThat(live(dataset).get("k").value()).isEqualTo("2");
        });
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void sendersOfEveryModeWriteTheWorkloadsDatasets(PatchMode mode) {
        Workload workload = Workload.builder().identityPoolId("us-east-1:" + String.format(
                "%08x-0000-4000-8000-0000000000aa", mode.ordinal())).writers(6).datasets(3).keyPerWriter().build();
        withSender(mode, sender -> {
            Flux.range(0, workload.writers()).flatMap(w -> {
                WriterCursor cursor = workload.cursor(w);
                return sender.put(cursor.dataset(), cursor.key(), cursor.value());
            }).blockLast(TIMEOUT);

            Map<DatasetRef, Integer> keys = workload.datasets().stream()
                    .collect(Collectors.toMap(d -> d, d -> live(d).size()));
            assertThat(keys.values()).containsOnly(2);
        });
    }
}
