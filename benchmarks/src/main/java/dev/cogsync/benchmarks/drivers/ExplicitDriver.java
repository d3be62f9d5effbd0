package dev.cogsync.benchmarks.drivers;

import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.reactor.WriterOptions;
import reactor.core.publisher.Mono;

import java.time.Duration;

/** The coalescer in explicit mode: {@code submit}, each writer carrying the sync count it last got back. */
public final class ExplicitDriver implements Driver {

    private final Workload workload;
    private final String value;
    private final CognitoSyncClient client;
    private final CoalescingWriter writer;
    private long[] syncCounts = new long[0];

    /**
     * Creates the driver.
     *
     * @param emulator the target
     * @param workload who writes what
     */
    public ExplicitDriver(CognitoSyncEmulator emulator, Workload workload) {
        this.workload = workload;
        this.value = workload.value();
        this.client = CogsyncClients.create(emulator, 128);
        this.writer = CoalescingWriter.create(client, WriterOptions.defaults());
    }

    @Override
    public void prepare(int writers) {
        syncCounts = new long[writers];
        for (int w = 0; w < writers; w++) {
            // Each writer's first write creates its record; the count it returns is the one to carry next.
            syncCounts[w] = writer.submit(workload.datasetOf(w), RecordPatch.replace(Workload.keyOf(w), value, 0))
                    .block(Duration.ofSeconds(30)).syncCount();
        }
    }

    @Override
    public Mono<?> write(int w) {
        // Each writer has one write in flight at a time, so its slot is written by one chain only.
        return writer.submit(workload.datasetOf(w), RecordPatch.replace(Workload.keyOf(w), value, syncCounts[w]))
                .doOnNext(record -> syncCounts[w] = record.syncCount());
    }

    @Override
    public void close() {
        writer.close().block(Duration.ofSeconds(30));
        client.close();
    }
}
