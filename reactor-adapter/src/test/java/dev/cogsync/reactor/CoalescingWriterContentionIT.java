package dev.cogsync.reactor;

import dev.cogsync.emulator.AppliedUpdate;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three independent writers (each with its own client, as three processes would be) put the same 20 keys of one
 * dataset at once, with the default options: every put ends acknowledged, each acknowledged record was applied
 * exactly once at the count it reports, and for every key the acknowledged write with the highest count is what
 * the server holds.
 */
class CoalescingWriterContentionIT {

    private static final DatasetRef DATASET = WriterFixture.dataset(3, "contended");
    private static final int KEYS = 20;
    private static final int WRITERS_EACH = 20;
    private static final int PUTS_EACH = 15;

    @Test
    void threeWritersPuttingTheSameKeysNeverFailAndAgreeWithTheServer() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().recordHistory(true).start();
             WriterFixture fixture = new WriterFixture(emulator)) {
            List<CoalescingWriter> writers = List.of(fixture.writer(fixture.client(), WriterOptions.defaults()),
                    fixture.writer(fixture.client(), WriterOptions.defaults()),
                    fixture.writer(fixture.client(), WriterOptions.defaults()));
            List<Record> acknowledged = Collections.synchronizedList(new ArrayList<>());
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

            Flux.range(0, writers.size() * WRITERS_EACH)
                    .flatMap(w -> Flux.range(0, PUTS_EACH).concatMap(i -> writers.get(w % writers.size())
                            .put(DATASET, "key-" + (w + i) % KEYS, "w" + w + "-" + i)
                            .doOnNext(acknowledged::add)
                            .onErrorResume(e -> {
                                failures.add(e);
                                return Mono.empty();
                            })), 1000)
                    .blockLast(Duration.ofMinutes(3));

            assertThat(failures).as("failed puts").isEmpty();
            assertThat(acknowledged).hasSize(writers.size() * WRITERS_EACH * PUTS_EACH);
            Map<String, Long> appliedAt = new HashMap<>();
            for (AppliedUpdate update : emulator.appliedUpdates(DATASET)) {
                for (RecordPatch patch : update.patches()) {
                    assertThat(appliedAt.put(patch.value(), update.syncCount())).as("%s applied once", patch.value())
                            .isNull();
                }
            }
            Map<String, Record> latest = new HashMap<>();
            for (Record record : acknowledged) {
                assertThat(appliedAt.get(record.value())).as("%s applied at its count", record.value())
                        .isEqualTo(record.syncCount());
                latest.merge(record.key(), record, (a, b) -> a.syncCount() >= b.syncCount() ? a : b);
            }
            for (Record record : latest.values()) {
                Record stored = emulator.dataset(DATASET).orElseThrow().record(record.key());
                assertThat(stored.value()).as("the server holds the latest acknowledged %s", record.key())
                        .isEqualTo(record.value());
                assertThat(stored.syncCount()).isEqualTo(record.syncCount());
            }
        }
    }
}
