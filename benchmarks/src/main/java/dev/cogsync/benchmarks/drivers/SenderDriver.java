package dev.cogsync.benchmarks.drivers;

import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.reactor.ClientOptions;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.workload.PatchMode;
import dev.cogsync.workload.PatchSender;
import dev.cogsync.workload.Workload;
import dev.cogsync.workload.WriterCursor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A benchmark's writers on the shared {@link Workload}, each owning one key of its dataset and sending its patches
 * through one {@link PatchSender}: the same sender per mode as the load command and the Gatling protocol use.
 */
public final class SenderDriver implements Driver {

    /** Every value is this many bytes: a small record, typical of game state and settings. */
    public static final int VALUE_BYTES = 32;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Opens a sender (and whatever it sends through) for a number of writers, and releases it afterwards. */
    public interface Senders extends AutoCloseable {

        /**
         * Opens the sender.
         *
         * @param writers how many writers will write, one patch in flight each
         * @return the sender
         */
        PatchSender open(int writers);

        /** Releases what {@link #open(int)} opened, after the sender is closed. */
        @Override
        void close();
    }

    private final int datasets;
    private final Senders senders;
    private PatchSender sender;
    private WriterCursor[] cursors = new WriterCursor[0];

    /**
     * Creates the driver.
     *
     * @param datasets how many datasets the writers share; writer {@code w} writes number {@code w mod datasets}
     * @param senders opens the sender
     */
    public SenderDriver(int datasets, Senders senders) {
        this.datasets = datasets;
        this.senders = senders;
    }

    /**
     * A driver that sends through cogsync in one mode.
     *
     * @param mode the mode
     * @param emulator the target
     * @param datasets how many datasets the writers share
     * @return the driver
     */
    public static SenderDriver cogsync(PatchMode mode, CognitoSyncEmulator emulator, int datasets) {
        return new SenderDriver(datasets, new Senders() {
            private CognitoSyncClient client;

            @Override
            public PatchSender open(int writers) {
                // The coalescing modes share 128 connections; the others have one per writer, like the SDK peer,
                // so that the pool is not what is measured.
                client = client(emulator, mode.coalesces() ? 128 : Math.max(16, writers));
                return mode.sender(client, PatchMode.HARNESS_WRITER_OPTIONS);
            }

            @Override
            public void close() {
                if (client != null) {
                    client.close();
                }
            }
        });
    }

    /**
     * A cogsync client pointed at the benchmark emulator.
     *
     * @param emulator the emulator
     * @param maxConnections the pool's size
     * @return the client
     */
    public static CognitoSyncClient client(CognitoSyncEmulator emulator, int maxConnections) {
        return CognitoSyncClient.create(ClientOptions.builder()
                .region(emulator.region())
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(emulator.credentials()))
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(Math.max(1024, 4 * maxConnections))
                .build());
    }

    @Override
    public void prepare(int writers) {
        Workload workload = Workload.builder().writers(writers).datasets(datasets).keyPerWriter()
                .valueBytes(VALUE_BYTES).build();
        cursors = new WriterCursor[writers];
        for (int w = 0; w < writers; w++) {
            cursors[w] = workload.cursor(w);
        }
        sender = senders.open(writers);
        // Each writer's first write lists its dataset or creates its record: do that before the clock starts.
        Flux.range(0, writers).flatMap(this::write, 64).blockLast(TIMEOUT);
    }

    @Override
    public Mono<?> write(int w) {
        // Each writer has one write in flight at a time, so its cursor is moved on by one chain only.
        WriterCursor cursor = cursors[w];
        Mono<Long> write = sender.put(cursor.dataset(), cursor.key(), cursor.value());
        cursor.advance();
        return write;
    }

    @Override
    public void close() {
        try {
            if (sender != null) {
                sender.close().block(TIMEOUT.multipliedBy(2));
            }
        } finally {
            senders.close();
        }
    }
}
