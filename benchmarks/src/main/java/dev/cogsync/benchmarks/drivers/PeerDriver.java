package dev.cogsync.benchmarks.drivers;

import dev.cogsync.emulator.CognitoSyncEmulator;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncAsyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsRequest;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import software.amazon.awssdk.services.cognitosync.model.UpdateRecordsRequest;

/**
 * The peer: what a Java user writes today with the AWS SDK for Java v2. A {@code CognitoSyncAsyncClient}, one
 * UpdateRecords per patch, a session token per dataset from one ListRecords, each writer carrying the sync
 * count its last write returned.
 *
 * <p>In this JVM it runs on the SDK's CRT-based async HTTP client: the SDK's Netty client does not run on Netty
 * 4.2, which cogsync and the emulator use (aws/aws-sdk-java-v2#6757). {@code separate-jvms.sh} runs the SDK with
 * its Netty client in a JVM of its own.
 */
public final class PeerDriver implements Driver {

    private final CognitoSyncEmulator emulator;
    private final Workload workload;
    private final String value;
    private SdkAsyncHttpClient http;
    private CognitoSyncAsyncClient sdk;
    private String[] tokens = new String[0];
    private long[] syncCounts = new long[0];

    /**
     * Creates the driver.
     *
     * @param emulator the target
     * @param workload who writes what
     */
    public PeerDriver(CognitoSyncEmulator emulator, Workload workload) {
        this.emulator = emulator;
        this.workload = workload;
        this.value = workload.value();
    }

    @Override
    public void prepare(int writers) {
        // One connection per writer, like the plain cogsync client.
        http = AwsCrtAsyncHttpClient.builder().maxConcurrency(Math.max(16, writers)).build();
        sdk = CognitoSyncAsyncClient.builder()
                .region(Region.of(emulator.region()))
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        emulator.credentials().accessKeyId(), emulator.credentials().secretAccessKey())))
                .httpClient(http)
                .build();
        tokens = new String[workload.datasets()];
        for (int d = 0; d < tokens.length; d++) {
            var dataset = Workload.dataset(d);
            tokens[d] = sdk.listRecords(ListRecordsRequest.builder().identityPoolId(dataset.identityPoolId())
                    .identityId(dataset.identityId()).datasetName(dataset.datasetName()).build())
                    .join().syncSessionToken();
        }
        syncCounts = new long[writers];
        for (int w = 0; w < writers; w++) {
            syncCounts[w] = send(w, 0).block();
        }
    }

    @Override
    public Mono<?> write(int w) {
        return send(w, syncCounts[w]).doOnNext(count -> syncCounts[w] = count);
    }

    private Mono<Long> send(int w, long syncCount) {
        var dataset = workload.datasetOf(w);
        UpdateRecordsRequest request = UpdateRecordsRequest.builder()
                .identityPoolId(dataset.identityPoolId())
                .identityId(dataset.identityId())
                .datasetName(dataset.datasetName())
                .syncSessionToken(tokens[w % tokens.length])
                .recordPatches(RecordPatch.builder().op(Operation.REPLACE).key(Workload.keyOf(w)).value(value)
                        .syncCount(syncCount).build())
                .build();
        return Mono.fromFuture(() -> sdk.updateRecords(request)).map(response -> response.records().get(0).syncCount());
    }

    @Override
    public void close() {
        if (sdk != null) {
            sdk.close();
        }
        if (http != null) {
            http.close();
        }
    }
}
