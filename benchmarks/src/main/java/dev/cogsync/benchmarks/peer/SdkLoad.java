package dev.cogsync.benchmarks.peer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncAsyncClient;
import software.amazon.awssdk.services.cognitosync.model.ListRecordsRequest;
import software.amazon.awssdk.services.cognitosync.model.Operation;
import software.amazon.awssdk.services.cognitosync.model.RecordPatch;
import software.amazon.awssdk.services.cognitosync.model.UpdateRecordsRequest;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The peer outside JMH: the AWS SDK for Java v2, one UpdateRecords per patch, in a closed loop with the same
 * workload as the JMH {@code ThroughputBenchmark} (writer {@code w} owns {@code key-w} in dataset
 * {@code w % datasets}, 32-byte values). It uses only the SDK, so it runs on whatever HTTP client is on the
 * classpath: {@code separate-jvms.sh} runs it with the SDK's Netty client, which cannot share a JVM with Netty 4.2.
 *
 * <p>Arguments: {@code ENDPOINT WRITERS DATASETS WARMUP_SECONDS MEASURE_SECONDS}; credentials from
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}. Prints one line: the HTTP client and patches per second.
 */
public final class SdkLoad {

    private static final String POOL = "us-east-1:0b0e0c0d-0000-4000-8000-00000000be9c";

    private final CognitoSyncAsyncClient sdk;
    private final int datasets;
    private final String value = "v".repeat(32);
    private final String[] tokens;
    private final java.util.Map<String, Long> counts = new java.util.concurrent.ConcurrentHashMap<>();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicBoolean running = new AtomicBoolean(true);

    private SdkLoad(CognitoSyncAsyncClient sdk, int datasets) {
        this.sdk = sdk;
        this.datasets = datasets;
        this.tokens = new String[datasets];
    }

    /**
     * Runs the load and prints the rate.
     *
     * @param args endpoint, writers, datasets, warm-up seconds, measurement seconds
     * @throws InterruptedException when interrupted while measuring
     */
    public static void main(String[] args) throws InterruptedException {
        URI endpoint = URI.create(args[0]);
        int writers = Integer.parseInt(args[1]);
        int datasets = Integer.parseInt(args[2]);
        long warmup = Long.parseLong(args[3]);
        long measure = Long.parseLong(args[4]);
        try (CognitoSyncAsyncClient sdk = CognitoSyncAsyncClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))))
                .build()) {
            SdkLoad load = new SdkLoad(sdk, datasets);
            load.prepare();
            for (int w = 0; w < writers; w++) {
                load.loop(w, load.counts.getOrDefault(w % datasets + "/key-" + w, 0L));
            }
            Thread.sleep(warmup * 1000);
            long start = load.acknowledged.sum();
            long startNanos = System.nanoTime();
            Thread.sleep(measure * 1000);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double rate = (load.acknowledged.sum() - start) / seconds;
            load.running.set(false);
            System.out.printf("%s writers=%d datasets=%d warmup=%ds measured=%ds patches/s=%.0f failed=%d%n",
                    httpClient(),
                    writers, datasets, warmup, measure, rate, load.failed.sum());
        }
    }

    /** Which async HTTP client the SDK found on the classpath (it uses the only one there). */
    private static String httpClient() {
        StringBuilder found = new StringBuilder();
        for (String[] candidate : new String[][]{
                {"netty", "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient"},
                {"crt", "software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient"}}) {
            try {
                Class.forName(candidate[1]);
                found.append(found.length() == 0 ? "" : "+").append(candidate[0]);
            } catch (ClassNotFoundException e) {
                // not on the classpath
            }
        }
        return "http-client=" + (found.length() == 0 ? "unknown" : found);
    }

    private String identity(int dataset) {
        return String.format("us-east-1:%08x-0000-4000-8000-000000000000", dataset / 16);
    }

    /** Lists every dataset, as an SDK user would, for a session token and each record's current count. */
    private void prepare() {
        for (int d = 0; d < datasets; d++) {
            String nextToken = null;
            do {
                var page = sdk.listRecords(ListRecordsRequest.builder().identityPoolId(POOL).identityId(identity(d))
                        .datasetName("bench-" + d).nextToken(nextToken).build()).join();
                tokens[d] = page.syncSessionToken();
                for (var record : page.records()) {
                    counts.put(d + "/" + record.key(), record.syncCount());
                }
                nextToken = page.nextToken();
            } while (nextToken != null);
        }
    }

    /** One writer: write, and on acknowledgement write again with the count it returned. */
    private void loop(int w, long syncCount) {
        if (!running.get()) {
            return;
        }
        int d = w % datasets;
        CompletableFuture<Long> write = sdk.updateRecords(UpdateRecordsRequest.builder()
                        .identityPoolId(POOL).identityId(identity(d)).datasetName("bench-" + d)
                        .syncSessionToken(tokens[d])
                        .recordPatches(RecordPatch.builder().op(Operation.REPLACE).key("key-" + w).value(value)
                                .syncCount(syncCount).build())
                        .build())
                .thenApply(response -> response.records().get(0).syncCount());
        write.whenComplete((count, error) -> {
            if (error != null) {
                failed.increment();
                loop(w, syncCount);
            } else {
                acknowledged.increment();
                loop(w, count);
            }
        });
    }
}
