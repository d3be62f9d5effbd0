package dev.cogsync.benchmarks.load;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.reactor.OverloadPolicy;
import dev.cogsync.reactor.WriterOptions;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * {@link Mode#COALESCED}: managed-mode {@code put}s through one {@link CoalescingWriter}, with the default options
 * except {@link OverloadPolicy#WAIT}: when more writers than the writer's pending bounds (10,000 patches per
 * dataset) have a patch queued, a load generator should be slowed by backpressure rather than count refusals.
 */
final class CoalescedSender implements PatchSender {

    /** The writer's options for the load command. */
    static final WriterOptions OPTIONS = WriterOptions.builder().overloadPolicy(OverloadPolicy.WAIT).build();

    private final CoalescingWriter writer;

    /**
     * Creates the sender and its writer.
     *
     * @param client the client the writer sends through
     */
    CoalescedSender(CognitoSyncClient client) {
        this(client, null, 1);
    }

    /**
     * Creates the sender and its writer for a run: its write timeout, and room for all of its datasets at once.
     *
     * @param client the client the writer sends through
     * @param writeTimeout each write's deadline, or {@code null} for the writer's default
     * @param datasets the run's datasets, all active at once
     */
    CoalescedSender(CognitoSyncClient client, Duration writeTimeout, int datasets) {
        WriterOptions.Builder options = OPTIONS.toBuilder()
                .maxActiveDatasets(Math.max(OPTIONS.maxActiveDatasets(), datasets));
        if (writeTimeout != null) {
            options.writeTimeout(writeTimeout);
        }
        this.writer = CoalescingWriter.create(client, options.build());
    }

    @Override
    public Mono<?> send(DatasetRef dataset, String key, String value) {
        return writer.put(dataset, key, value);
    }

    @Override
    public void close() {
        // close() ends every write within its own timeout; the margin only guards against a bug there.
        writer.close().block(writer.options().closeTimeout().plus(Duration.ofSeconds(10)));
    }
}
