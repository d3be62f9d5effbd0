package dev.cogsync.benchmarks.drivers;

import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.reactor.ClientOptions;
import dev.cogsync.reactor.CognitoSyncClient;

import java.time.Duration;

/** cogsync clients pointed at the benchmark emulator. */
final class CogsyncClients {

    private CogsyncClients() {
    }

    static CognitoSyncClient create(CognitoSyncEmulator emulator, int maxConnections) {
        return CognitoSyncClient.create(ClientOptions.builder()
                .region(emulator.region())
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(emulator.credentials()))
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(Math.max(1024, 4 * maxConnections))
                .build());
    }

    static String token(CognitoSyncClient client, Workload workload, int dataset) {
        return client.listRecords(ListRecordsRequest.of(Workload.dataset(dataset))).block(Duration.ofSeconds(30))
                .syncSessionToken();
    }
}
