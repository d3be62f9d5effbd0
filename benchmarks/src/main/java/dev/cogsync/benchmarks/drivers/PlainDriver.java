package dev.cogsync.benchmarks.drivers;

import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.reactor.CognitoSyncClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * The plain cogsync client, one UpdateRecords per patch: a session token per dataset from one ListRecords, then
 * each writer carries the sync count its last write returned.
 */
public final class PlainDriver implements Driver {

    private final Workload workload;
    private final String value;
    private final CognitoSyncEmulator emulator;
    private CognitoSyncClient client;
    private String[] tokens = new String[0];
    private long[] syncCounts = new long[0];

    /**
     * Creates the driver.
     *
     * @param emulator the target
     * @param workload who writes what
     */
    public PlainDriver(CognitoSyncEmulator emulator, Workload workload) {
        this.emulator = emulator;
        this.workload = workload;
        this.value = workload.value();
    }

    @Override
    public void prepare(int writers) {
        // One connection per writer, like the peer: the pool is not what is measured.
        client = CogsyncClients.create(emulator, Math.max(16, writers));
        tokens = new String[workload.datasets()];
        for (int d = 0; d < tokens.length; d++) {
            tokens[d] = CogsyncClients.token(client, workload, d);
        }
        syncCounts = new long[writers];
        for (int w = 0; w < writers; w++) {
            syncCounts[w] = send(w, 0).block(Duration.ofSeconds(30));
        }
    }

    @Override
    public Mono<?> write(int w) {
        return send(w, syncCounts[w]).doOnNext(count -> syncCounts[w] = count);
    }

    private Mono<Long> send(int w, long syncCount) {
        UpdateRecordsRequest request = new UpdateRecordsRequest(workload.datasetOf(w),
                List.of(RecordPatch.replace(Workload.keyOf(w), value, syncCount)), tokens[w % tokens.length], null,
                null);
        return client.updateRecords(request).map(response -> response.records().get(0).syncCount());
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
