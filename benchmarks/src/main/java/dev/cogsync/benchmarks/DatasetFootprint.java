package dev.cogsync.benchmarks;

import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.benchmarks.drivers.Emulators;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.reactor.ClientOptions;
import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.reactor.WriterOptions;
import reactor.core.publisher.Flux;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Measures the heap one active dataset costs the writer: after one managed put to each of N datasets (each with
 * its session token, one known sync count and its queue), the heap in use with the writer held, minus the heap
 * once the writer is dropped; the emulator in the same JVM keeps its own state throughout, so it cancels out.
 * {@code java -jar cogsync-benchmarks.jar footprint [datasets]}, 20,000 by default.
 */
public final class DatasetFootprint {

    private DatasetFootprint() {
    }

    /**
     * Runs the measurement and prints bytes per dataset.
     *
     * @param args the number of datasets, optionally
     * @param out where to print
     */
    public static void run(String[] args, PrintStream out) {
        int datasets = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (CognitoSyncEmulator emulator = Emulators.start();
             CognitoSyncClient client = CognitoSyncClient.create(ClientOptions.builder().region(emulator.region())
                     .endpointOverride(emulator.endpoint())
                     .credentialsProvider(StaticCredentialsProvider.create(emulator.credentials()))
                     .pendingAcquireMaxCount(100_000).build())) {
            long held = fillAndMeasure(client, datasets);
            long dropped = usedHeap();
            out.printf("%,d active datasets: %,d bytes of heap with the writer, %,d without; %,d bytes each%n",
                    datasets, held, dropped, (held - dropped) / datasets);
        }
    }

    /** Writes once to each dataset and measures the heap while the writer still holds them; then drops it. */
    private static long fillAndMeasure(CognitoSyncClient client, int datasets) {
        CoalescingWriter writer = CoalescingWriter.create(client, WriterOptions.builder()
                .maxActiveDatasets(datasets).idleTimeout(Duration.ofHours(1)).build());
        Flux.range(0, datasets)
                .flatMap(d -> writer.put(dataset(d), "key", "value"), 256)
                .blockLast(Duration.ofMinutes(10));
        long held = usedHeap();
        // Datasets stay in the registry after close; only dropping the writer releases them.
        writer.close().block(Duration.ofSeconds(30));
        return held;
    }

    private static DatasetRef dataset(int d) {
        return DatasetRef.of("us-east-1:f0f0f0f0-0000-4000-8000-000000000000",
                String.format("us-east-1:%08x-0000-4000-8000-000000000000", d / 20), "footprint-" + (d % 20));
    }

    private static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
