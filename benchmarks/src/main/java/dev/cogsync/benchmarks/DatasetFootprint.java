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
 * its session token, one known sync count, its queue and its timers), the heap in use while the writer holds them,
 * minus the heap once it has evicted them all as idle; the emulator in the same JVM keeps its own state
 * throughout, so it cancels out. {@code java -jar cogsync-benchmarks.jar footprint [datasets]}, 20,000 by default;
 * it takes about 30 s, waiting for the eviction.
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
            CoalescingWriter writer = CoalescingWriter.create(client, WriterOptions.builder()
                    .maxActiveDatasets(datasets).idleTimeout(IDLE).writeTimeout(Duration.ofSeconds(2)).build());
            Flux.range(0, datasets)
                    .flatMap(d -> writer.put(dataset(d), "key", "value"), 256)
                    .blockLast(Duration.ofMinutes(10));
            long held = usedHeap();
            int active = writer.stats().activeDatasets();
            // Eviction runs every idleTimeout / 2; the datasets' deadline timers fire after 2 s.
            sleep(IDLE.multipliedBy(3));
            long evicted = usedHeap();
            out.printf("%,d active datasets: %,d bytes of heap; after evicting them (%,d left): %,d; %,d bytes "
                    + "each%n", active, held, writer.stats().activeDatasets(), evicted, (held - evicted) / active);
            writer.close().block(Duration.ofSeconds(30));
        }
    }

    private static final Duration IDLE = Duration.ofSeconds(10);

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
