package dev.cogsync.emulator;

import dev.cogsync.emulator.junit.CognitoSyncEmulatorExtension;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Many writers on one dataset: no lost or duplicated writes, and a history that is one total order. */
class ConcurrencyIT {

    private static final int WRITERS = 8;
    private static final int WRITES_PER_WRITER = 40;

    @RegisterExtension
    static final CognitoSyncEmulatorExtension EMULATOR = CognitoSyncEmulatorExtension.create();

    @Test
    void parallelWritersOnOneDataset_areLinearizable() throws Exception {
        TestClient client = new TestClient(EMULATOR.emulator());
        DatasetRef dataset = TestData.dataset();
        ConcurrentLinkedQueue<Long> successCounts = new ConcurrentLinkedQueue<>();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < WRITES_PER_WRITER; ) {
                        // Every write also bumps the shared key, so writers contend on it.
                        ListRecordsResponse list = client.list(dataset);
                        long shared = list.records().stream().filter(r -> r.key().equals("shared"))
                                .mapToLong(Record::syncCount).findFirst().orElse(0);
                        HttpResult result = client.updateRaw(dataset, list.syncSessionToken(),
                                RecordPatch.replace("shared", writer + "-" + i, shared),
                                RecordPatch.replace("w" + writer + "-" + i, "x", 0));
                        if (result.status() == 409) {
                            conflicts.incrementAndGet();
                            continue;
                        }
                        assertThat(result.status()).as("%s", result).isEqualTo(200);
                        UpdateRecordsResponse written = result.updateRecords();
                        successCounts.add(written.records().get(0).syncCount());
                        i++;
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        int total = WRITERS * WRITES_PER_WRITER;
        DatasetSnapshot snapshot = EMULATOR.emulator().dataset(dataset).orElseThrow();
        assertThat(snapshot.syncCount()).isEqualTo(total);
        // Each success got its own count, and the counts are exactly 1..total: one total order, no gaps.
        List<Long> counts = new ArrayList<>(successCounts);
        Collections.sort(counts);
        assertThat(counts).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        // Every writer's own keys are there once, each stamped with the count of the call that wrote it.
        List<Long> ownCounts = snapshot.records().stream().filter(r -> r.key().startsWith("w"))
                .map(Record::syncCount).sorted().toList();
        assertThat(ownCounts).containsExactlyElementsOf(counts);
        assertThat(snapshot.record("shared").syncCount()).isEqualTo(total);
        assertThat(EMULATOR.emulator().counters().requests(ApiOperation.UPDATE_RECORDS, 409))
                .isEqualTo(conflicts.get());
    }
}
