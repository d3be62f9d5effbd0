package dev.cogsync.emulator;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.SigV4Signer;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.ListRecordsCodec;
import dev.cogsync.protocol.UpdateRecordsCodec;
import dev.cogsync.protocol.WireRequest;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures single-patch UpdateRecords per second: N connections kept busy, each writing its own dataset with
 * correct sync counts, every request signed with core's SigV4 signer. Not a test; run by hand (see the README).
 *
 * <p>Arguments: {@code --connections N} (64), {@code --seconds S} (15), {@code --warmup S} (5), {@code --no-auth},
 * {@code --endpoint URL} to drive an emulator already running with the default credentials (otherwise one is
 * started in this JVM).
 */
public final class LoadDriver {

    private final HttpClient http;
    private final URI endpoint;
    private final AwsCredentials credentials;
    private final SigV4Signer signer;
    private final boolean sign;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private LoadDriver(HttpClient http, URI endpoint, AwsCredentials credentials, String region, boolean sign) {
        this.http = http;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.signer = SigV4Signer.create(region, "cognito-sync");
        this.sign = sign;
    }

    public static void main(String[] args) {
        int connections = 64;
        int seconds = 15;
        int warmup = 5;
        boolean auth = true;
        URI endpoint = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--no-auth" -> auth = false;
                case "--endpoint" -> endpoint = URI.create(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        CognitoSyncEmulator emulator = endpoint == null
                ? CognitoSyncEmulator.builder().authEnabled(auth).start() : null;
        URI target = emulator == null ? endpoint : emulator.endpoint();
        LoopResources loops = LoopResources.create("load-driver", 1, 1, true);
        ConnectionProvider pool = ConnectionProvider.builder("load-driver").maxConnections(connections)
                .pendingAcquireMaxCount(-1).build();
        HttpClient http = HttpClient.create(pool).runOn(loops).baseUrl(target.toString());
        LoadDriver driver = new LoadDriver(http, target, AwsCredentials.of(EmulatorConfig.DEFAULT_ACCESS_KEY_ID,
                EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY), EmulatorConfig.DEFAULT_REGION, auth);
        try {
            double rate = driver.run(connections, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
            System.out.printf("%.0f single-patch UpdateRecords/s over %d s, %d connections, SigV4 %s, failed %d%n",
                    rate, seconds, connections, auth ? "on" : "off", driver.failed.get());
        } finally {
            pool.disposeLater().block();
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block();
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    private double run(int connections, Duration warmup, Duration measured) {
        long start = System.nanoTime();
        long warmEnd = start + warmup.toNanos();
        long end = warmEnd + measured.toNanos();
        AtomicLong atWarmEnd = new AtomicLong(-1);
        Flux.range(0, connections)
                .flatMap(worker -> writer(worker, end, warmEnd, atWarmEnd), connections)
                .blockLast();
        return (completed.get() - atWarmEnd.get()) / (measured.toNanos() / 1e9);
    }

    /** One connection's loop: ListRecords once for a token, then UpdateRecords with the next sync count. */
    private Mono<Void> writer(int worker, long end, long warmEnd, AtomicLong atWarmEnd) {
        DatasetRef dataset = DatasetRef.of(TestData.POOL,
                "us-east-1:" + String.format("%08x-0000-4000-8000-000000000000", worker), "load");
        long[] syncCount = {0};
        return exchange(ListRecordsCodec.encodeRequest(ListRecordsRequest.of(dataset)))
                .map(body -> ListRecordsCodec.decodeResponse(body, 0, body.length).syncSessionToken())
                .flatMap(token -> Mono.defer(() -> exchange(UpdateRecordsCodec.encodeRequest(
                                UpdateRecordsRequest.builder().dataset(dataset).syncSessionToken(token)
                                        .addRecordPatch(RecordPatch.replace("counter", "v" + syncCount[0],
                                                syncCount[0])).build()))
                        .doOnNext(body -> {
                            syncCount[0]++;
                            completed.incrementAndGet();
                            if (System.nanoTime() >= warmEnd) {
                                atWarmEnd.compareAndSet(-1, completed.get());
                            }
                        }))
                        .repeat(() -> System.nanoTime() < end)
                        .then());
    }

    private Mono<byte[]> exchange(WireRequest request) {
        WireRequest withHost = request.withHeaders(List.of(new HttpHeader("Host", endpoint.getAuthority())));
        WireRequest ready = sign ? signer.sign(withHost, credentials, Instant.now()).request() : withHost;
        return http.headers(headers -> ready.headers().forEach(h -> headers.set(h.name(), h.value())))
                .request(io.netty.handler.codec.http.HttpMethod.valueOf(ready.method()))
                .uri(ready.pathAndQuery())
                .send(ready.body().length == 0 ? Mono.empty() : Mono.just(Unpooled.wrappedBuffer(ready.body())))
                .responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0]).map(bytes -> {
                    if (response.status().code() != 200) {
                        failed.incrementAndGet();
                        throw new IllegalStateException("HTTP " + response.status() + ": " + new String(bytes));
                    }
                    return bytes;
                }));
    }
}
