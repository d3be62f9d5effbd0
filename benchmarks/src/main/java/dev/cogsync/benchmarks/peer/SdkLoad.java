package dev.cogsync.benchmarks.peer;

import dev.cogsync.workload.DurationText;
import dev.cogsync.workload.UsageException;
import dev.cogsync.workload.Workload;
import dev.cogsync.workload.WriterCursor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitosync.CognitoSyncAsyncClient;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The peer outside JMH: the AWS SDK for Java v2 through {@link SdkPatchSender}, in a closed loop on the shared
 * {@link Workload} with a key per writer and 32-byte values, as the JMH {@code ThroughputBenchmark} drives it. It
 * uses only the SDK, the workload model and Reactor's core, so it runs on whatever HTTP client is on the classpath:
 * {@code separate-jvms.sh} runs it with the SDK's Netty client, which cannot share a JVM with Netty 4.2.
 *
 * <p>Arguments: {@code ENDPOINT WRITERS DATASETS WARMUP MEASURE}, the last two durations such as {@code 90s};
 * credentials from {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}. Prints one line: the HTTP client and
 * patches per second. Exit status 2 for bad arguments.
 */
public final class SdkLoad {

    private static final String USAGE = "usage: SdkLoad ENDPOINT WRITERS DATASETS WARMUP MEASURE"
            + " (durations such as 90s)";

    private final SdkPatchSender sender;
    private final WriterCursor[] cursors;
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicBoolean running = new AtomicBoolean(true);

    private SdkLoad(SdkPatchSender sender, Workload workload) {
        this.sender = sender;
        this.cursors = new WriterCursor[workload.writers()];
        for (int w = 0; w < cursors.length; w++) {
            cursors[w] = workload.cursor(w);
        }
    }

    /** The run's arguments. */
    private record Arguments(URI endpoint, int writers, int datasets, Duration warmup, Duration measure) {

        static Arguments parse(String[] args) {
            if (args.length != 5) {
                throw new UsageException(USAGE);
            }
            return new Arguments(URI.create(args[0]), count("WRITERS", args[1]), count("DATASETS", args[2]),
                    DurationText.parse("WARMUP", args[3], "0s or 90s"),
                    DurationText.parse("MEASURE", args[4], "30s or 2m"));
        }

        private static int count(String name, String text) {
            try {
                int value = Integer.parseInt(text.trim());
                if (value >= 1) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException(name + ": must be a whole number of at least 1, was \"" + text + "\"");
        }
    }

    /**
     * Runs the load and prints the rate.
     *
     * @param args endpoint, writers, datasets, warm-up and measurement durations
     * @throws InterruptedException when interrupted while measuring
     */
    public static void main(String[] args) throws InterruptedException {
        Arguments arguments;
        Workload workload;
        try {
            arguments = Arguments.parse(args);
            workload = Workload.builder().writers(arguments.writers()).datasets(arguments.datasets())
                    .keyPerWriter().valueBytes(32).build();
        } catch (UsageException e) {
            System.err.println("SdkLoad: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (CognitoSyncAsyncClient sdk = CognitoSyncAsyncClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(arguments.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))))
                .build()) {
            SdkLoad load = new SdkLoad(new SdkPatchSender(sdk), workload);
            Flux.range(0, arguments.writers()).flatMap(load::writer, arguments.writers()).subscribe();
            Thread.sleep(arguments.warmup().toMillis());
            long start = load.acknowledged.sum();
            long startNanos = System.nanoTime();
            Thread.sleep(arguments.measure().toMillis());
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double rate = (load.acknowledged.sum() - start) / seconds;
            load.running.set(false);
            System.out.printf("%s writers=%d datasets=%d warmup=%ds measured=%ds patches/s=%.0f failed=%d%n",
                    httpClient(), arguments.writers(), arguments.datasets(), arguments.warmup().toSeconds(),
                    arguments.measure().toSeconds(), rate, load.failed.sum());
        }
    }

    /** One writer: write, and on acknowledgement (or failure) write its next patch, until the run ends. */
    private Mono<Void> writer(int w) {
        WriterCursor cursor = cursors[w];
        return Mono.defer(() -> {
                    Mono<Long> write = sender.put(cursor.dataset(), cursor.key(), cursor.value());
                    cursor.advance();
                    return write.doOnNext(count -> acknowledged.increment())
                            .onErrorResume(error -> {
                                failed.increment();
                                return Mono.empty();
                            });
                })
                .repeat(running::get)
                .then();
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
}
