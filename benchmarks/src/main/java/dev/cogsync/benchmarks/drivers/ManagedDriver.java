package dev.cogsync.benchmarks.drivers;

import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.reactor.WriterOptions;
import reactor.core.publisher.Mono;

import java.time.Duration;

/** The coalescer in managed mode: {@code put}, with the writer tracking sync counts. */
public final class ManagedDriver implements Driver {

    private final Workload workload;
    private final String value;
    private final CognitoSyncClient client;
    private final CoalescingWriter writer;

    /**
     * Creates the driver.
     *
     * @param emulator the target
     * @param workload who writes what
     */
    public ManagedDriver(CognitoSyncEmulator emulator, Workload workload) {
        this.workload = workload;
        this.value = workload.value();
        this.client = CogsyncClients.create(emulator, 128);
        this.writer = CoalescingWriter.create(client, WriterOptions.defaults());
    }

    @Override
    public void prepare(int writers) {
        // The first put of each dataset lists it for a token and sync counts: do that before the clock starts.
        for (int d = 0; d < Math.min(writers, workload.datasets()); d++) {
            writer.put(Workload.dataset(d), "warm", "up").block(Duration.ofSeconds(30));
        }
    }

    @Override
    public Mono<?> write(int w) {
        return writer.put(workload.datasetOf(w), Workload.keyOf(w), value);
    }

    /**
     * The writer, for its statistics.
     *
     * @return the writer
     */
    public CoalescingWriter writer() {
        return writer;
    }

    @Override
    public void close() {
        writer.close().block(Duration.ofSeconds(30));
        client.close();
    }
}
