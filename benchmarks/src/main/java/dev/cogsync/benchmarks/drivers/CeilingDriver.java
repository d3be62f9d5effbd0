package dev.cogsync.benchmarks.drivers;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.SigV4Signer;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.ResourcePaths;
import dev.cogsync.protocol.WireRequest;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.workload.Workload;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ceiling: raw Reactor Netty POSTs of UpdateRecords bodies built before the clock starts, with no client
 * logic at all: no model objects, no codec, no batching, no retries, no response decoding.
 *
 * <p>Each writer owns a dataset and writes the same {@code patchesPerRequest} keys with every request, so every
 * key's sync count is the number of requests before it. The body is a template with a fixed-width slot after
 * each {@code "SyncCount":} (digits, then spaces, which JSON allows); per request the writer's own copy gets the
 * count's digits written into the slots, is signed (SigV4 needs the body's hash and a fresh date), and sent.
 * That is the least any correct client must do, which is what makes it a ceiling.
 */
public final class CeilingDriver implements Driver {

    private static final int COUNT_WIDTH = 19;

    private final CognitoSyncEmulator emulator;
    private final int valueBytes;
    private final int patchesPerRequest;
    private final SigV4Signer signer;
    private final AwsCredentials credentials;
    private final String origin;
    private final HttpHeader host;
    private ConnectionProvider pool;
    private HttpClient http;
    private Writer[] writers = new Writer[0];

    /**
     * Creates the driver.
     *
     * @param emulator the target
     * @param valueBytes the size of every value
     * @param patchesPerRequest patches in every request
     */
    public CeilingDriver(CognitoSyncEmulator emulator, int valueBytes, int patchesPerRequest) {
        this.emulator = emulator;
        this.valueBytes = valueBytes;
        this.patchesPerRequest = patchesPerRequest;
        this.signer = SigV4Signer.create(emulator.region(), "cognito-sync");
        this.credentials = emulator.credentials();
        this.origin = "http://127.0.0.1:" + emulator.port();
        this.host = new HttpHeader("Host", "127.0.0.1:" + emulator.port());
    }

    /** One writer's dataset, body template and the offsets of its count slots. */
    private static final class Writer {
        final String path;
        final byte[] body;
        final int[] slots;
        long syncCount;

        Writer(String path, byte[] body, int[] slots) {
            this.path = path;
            this.body = body;
            this.slots = slots;
        }
    }

    @Override
    public void prepare(int count) {
        pool = ConnectionProvider.builder("ceiling").maxConnections(Math.max(16, count)).build();
        http = HttpClient.create(pool).disableRetry(true);
        writers = new Writer[count];
        // The shared workload with a dataset per writer, each writing the same keys with every request.
        Workload workload = Workload.builder().writers(count).datasets(count).keys(patchesPerRequest)
                .valueBytes(valueBytes).build();
        String value = workload.cursor(0).value();
        try (CognitoSyncClient setup = SenderDriver.client(emulator, 16)) {
            for (int w = 0; w < count; w++) {
                DatasetRef dataset = workload.datasetOf(w);
                String token = setup.listRecords(ListRecordsRequest.of(dataset)).block(Duration.ofSeconds(30))
                        .syncSessionToken();
                writers[w] = template(ResourcePaths.dataset(dataset), token, value);
            }
        }
    }

    private Writer template(String path, String token, String value) {
        StringBuilder json = new StringBuilder("{\"RecordPatches\":[");
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < patchesPerRequest; i++) {
            json.append(i == 0 ? "" : ",").append("{\"Op\":\"replace\",\"Key\":\"").append(Workload.key(i))
                    .append("\",\"Value\":\"").append(value).append("\",\"SyncCount\":");
            slots.add(json.length());
            json.append(" ".repeat(COUNT_WIDTH)).append('}');
        }
        json.append("],\"SyncSessionToken\":\"").append(token).append("\"}");
        byte[] body = json.toString().getBytes(StandardCharsets.US_ASCII);
        return new Writer(path, body, slots.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public Mono<?> write(int w) {
        Writer writer = writers[w];
        return Mono.defer(() -> {
            byte[] body = writer.body.clone();
            writeCount(body, writer.slots, writer.syncCount);
            WireRequest signed = signer.sign(new WireRequest("POST", writer.path, "", List.of(
                    new HttpHeader("Content-Type", "application/json"), host), body), credentials, Instant.now())
                    .request();
            return http.post().uri(origin + writer.path)
                    .send((request, out) -> {
                        HttpHeaders headers = request.requestHeaders();
                        for (HttpHeader header : signed.headers()) {
                            headers.set(header.name(), header.value());
                        }
                        headers.setInt("Content-Length", body.length);
                        return out.send(Mono.just(Unpooled.wrappedBuffer(body)));
                    })
                    .responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(new byte[0])
                            .map(bytes -> {
                                if (response.status().code() != 200) {
                                    throw new IllegalStateException("ceiling request failed: " + response.status()
                                            + " " + new String(bytes, StandardCharsets.UTF_8));
                                }
                                writer.syncCount++;
                                return bytes.length;
                            }));
        });
    }

    private static void writeCount(byte[] body, int[] slots, long count) {
        String digits = Long.toString(count);
        for (int slot : slots) {
            for (int i = 0; i < digits.length(); i++) {
                body[slot + i] = (byte) digits.charAt(i);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.dispose();
        }
    }
}
