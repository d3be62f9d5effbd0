package dev.cogsync.reactor;

import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.emulator.DatasetSnapshot;
import dev.cogsync.emulator.junit.CognitoSyncEmulatorExtension;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 concurrent writers over 20 datasets, in both modes: every write ends, the emulator ends up holding
 * exactly what the acknowledged results say, and requests are far fewer than patches.
 */
class CoalescingWriterLoadIT {

    @RegisterExtension
    static final CognitoSyncEmulatorExtension EMULATOR = CognitoSyncEmulatorExtension.create().resetBeforeEach();

    private static final int WRITERS = 1_000;
    private static final int DATASETS = 20;
    private static final int WRITES_PER_WRITER = 5;

    private WriterFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new WriterFixture(EMULATOR.emulator());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static DatasetRef datasetOf(int writer) {
        // Four identities with five datasets each: under the 20-datasets-per-identity limit.
        int dataset = writer % DATASETS;
        return WriterFixture.dataset(dataset / 5, "load-" + dataset);
    }

    @Test
    void managedModeUnderAThousandConcurrentWriters() {
        CoalescingWriter writer = fixture.writer();
        Map<String, Record> lastAcknowledged = new ConcurrentHashMap<>();

        List<Record> results = Flux.range(0, WRITERS)
                .flatMap(w -> Flux.range(0, WRITES_PER_WRITER)
                        .concatMap(i -> writer.put(datasetOf(w), "writer-" + w, "w" + w + "-" + i))
                        .doOnNext(record -> lastAcknowledged.put(datasetOf(w).datasetName() + "/" + record.key(),
                                record)), WRITERS)
                .collectList()
                .block(Duration.ofMinutes(2));

        assertThat(results).hasSize(WRITERS * WRITES_PER_WRITER);
        assertStateMatches(lastAcknowledged, WRITES_PER_WRITER - 1);
        assertFarFewerRequestsThanPatches(writer);
    }

    @Test
    void explicitModeUnderAThousandConcurrentWriters() {
        CoalescingWriter writer = fixture.writer();
        Map<String, Record> lastAcknowledged = new ConcurrentHashMap<>();

        List<Record> results = Flux.range(0, WRITERS)
                .flatMap(w -> writeInSequence(writer, w, 0, 0)
                        .doOnNext(record -> lastAcknowledged.put(datasetOf(w).datasetName() + "/" + record.key(),
                                record)), WRITERS)
                .collectList()
                .block(Duration.ofMinutes(2));

        assertThat(results).hasSize(WRITERS * WRITES_PER_WRITER);
        assertStateMatches(lastAcknowledged, WRITES_PER_WRITER - 1);
        assertFarFewerRequestsThanPatches(writer);
    }

    /** One explicit writer: each write carries the sync count the previous one returned. */
    private static Flux<Record> writeInSequence(CoalescingWriter writer, int w, int i, long syncCount) {
        if (i == WRITES_PER_WRITER) {
            return Flux.empty();
        }
        return writer.submit(datasetOf(w), RecordPatch.replace("writer-" + w, "w" + w + "-" + i, syncCount))
                .flatMapMany(record -> Flux.concat(Mono.just(record),
                        writeInSequence(writer, w, i + 1, record.syncCount())));
    }

    private static void assertStateMatches(Map<String, Record> lastAcknowledged, int lastIndex) {
        assertThat(lastAcknowledged).hasSize(WRITERS);
        for (int d = 0; d < DATASETS; d++) {
            DatasetRef dataset = datasetOf(d);
            DatasetSnapshot state = EMULATOR.emulator().dataset(dataset).orElseThrow();
            assertThat(state.records()).hasSize(WRITERS / DATASETS);
            for (Record stored : state.records()) {
                Record acknowledged = lastAcknowledged.get(dataset.datasetName() + "/" + stored.key());
                assertThat(stored.value()).isEqualTo(acknowledged.value())
                        .endsWith("-" + lastIndex);
                assertThat(stored.syncCount()).isEqualTo(acknowledged.syncCount());
            }
        }
    }

    private static void assertFarFewerRequestsThanPatches(CoalescingWriter writer) {
        long calls = EMULATOR.emulator().counters().requests(ApiOperation.UPDATE_RECORDS, 200);
        long patches = (long) WRITERS * WRITES_PER_WRITER;
        assertThat(EMULATOR.emulator().counters().patchesTotal()).isEqualTo(patches);
        assertThat(calls).as("UpdateRecords calls for %d patches", patches).isLessThanOrEqualTo(patches / 10);
        assertThat(writer.stats().patchesPerRequest()).isGreaterThanOrEqualTo(10);
    }
}
