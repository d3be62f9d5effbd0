package dev.cogsync.emulator;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.SigV4Signer;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.ListRecordsCodec;
import dev.cogsync.protocol.ResourcePaths;
import dev.cogsync.protocol.UpdateRecordsCodec;
import dev.cogsync.protocol.WireRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to an emulator over HTTP/1.1 as a client would: requests built with core's codecs, signed with core's
 * {@link SigV4Signer}, sent with the JDK's HTTP client. Immutable; the {@code with...} methods derive variants.
 */
final class TestClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final URI endpoint;
    private final AwsCredentials credentials;
    private final String region;
    private final String service;
    private final Clock signingClock;
    private final boolean sign;

    TestClient(CognitoSyncEmulator emulator) {
        this(emulator.endpoint(), emulator.credentials(), emulator.region(), "cognito-sync", Clock.systemUTC(), true);
    }

    /** A client for an emulator running elsewhere, such as the standalone jar. */
    static TestClient of(URI endpoint, AwsCredentials credentials, String region) {
        return new TestClient(endpoint, credentials, region, "cognito-sync", Clock.systemUTC(), true);
    }

    private TestClient(URI endpoint, AwsCredentials credentials, String region, String service, Clock signingClock,
                       boolean sign) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.region = region;
        this.service = service;
        this.signingClock = signingClock;
        this.sign = sign;
    }

    TestClient withCredentials(AwsCredentials other) {
        return new TestClient(endpoint, other, region, service, signingClock, sign);
    }

    TestClient withRegion(String other) {
        return new TestClient(endpoint, credentials, other, service, signingClock, sign);
    }

    TestClient withService(String other) {
        return new TestClient(endpoint, credentials, region, other, signingClock, sign);
    }

    TestClient withSigningClock(Clock other) {
        return new TestClient(endpoint, credentials, region, service, other, sign);
    }

    TestClient unsigned() {
        return new TestClient(endpoint, credentials, region, service, signingClock, false);
    }

    /** Sends a request; a closed connection surfaces as {@link UncheckedIOException}. */
    HttpResult send(String method, String path, String query, byte[] body, HttpHeader... extraHeaders) {
        return send(prepare(method, path, query, body, extraHeaders));
    }

    /** The request as it would be sent: with {@code Host}, and signed unless this client is unsigned. */
    WireRequest prepare(String method, String path, String query, byte[] body, HttpHeader... extraHeaders) {
        List<HttpHeader> headers = new ArrayList<>();
        headers.add(new HttpHeader("Host", endpoint.getAuthority()));
        if (body != null && body.length > 0) {
            headers.add(new HttpHeader("Content-Type", "application/json"));
        }
        headers.addAll(List.of(extraHeaders));
        WireRequest request = new WireRequest(method, path, query, headers, body);
        if (sign) {
            request = SigV4Signer.create(region, service).sign(request, credentials, signingClock.instant()).request();
        }
        return request;
    }

    HttpResult send(WireRequest request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(endpoint + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (HttpHeader header : request.headers()) {
            if (!RESTRICTED.contains(header.name().toLowerCase(Locale.ROOT))) {
                http.header(header.name(), header.value());
            }
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new HttpResult(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResult listRaw(ListRecordsRequest request) {
        WireRequest wire = ListRecordsCodec.encodeRequest(request);
        return send("GET", wire.path(), wire.query(), null);
    }

    ListRecordsResponse list(DatasetRef dataset, long lastSyncCount) {
        HttpResult result = listRaw(ListRecordsRequest.builder().dataset(dataset).lastSyncCount(lastSyncCount).build());
        assertThat(result.status()).as("ListRecords: %s", result).isEqualTo(200);
        return result.listRecords();
    }

    ListRecordsResponse list(DatasetRef dataset) {
        return list(dataset, 0);
    }

    HttpResult updateRaw(UpdateRecordsRequest request) {
        return send(prepareUpdate(request));
    }

    WireRequest prepareUpdate(UpdateRecordsRequest request) {
        WireRequest wire = UpdateRecordsCodec.encodeRequest(request);
        return prepare("POST", wire.path(), wire.query(), wire.body(), wire.headers().stream()
                .filter(h -> !h.name().equalsIgnoreCase("Content-Type")).toArray(HttpHeader[]::new));
    }

    HttpResult updateRaw(DatasetRef dataset, String token, RecordPatch... patches) {
        return updateRaw(UpdateRecordsRequest.builder().dataset(dataset).syncSessionToken(token)
                .recordPatches(List.of(patches)).build());
    }

    UpdateRecordsResponse update(DatasetRef dataset, String token, RecordPatch... patches) {
        HttpResult result = updateRaw(dataset, token, patches);
        assertThat(result.status()).as("UpdateRecords: %s", result).isEqualTo(200);
        return result.updateRecords();
    }

    /** Lists for a token, then updates: the mobile SDKs' sequence. */
    UpdateRecordsResponse write(DatasetRef dataset, RecordPatch... patches) {
        return update(dataset, list(dataset).syncSessionToken(), patches);
    }

    HttpResult postJson(DatasetRef dataset, String json) {
        return send("POST", ResourcePaths.dataset(dataset), "", json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResult describe(DatasetRef dataset) {
        return send("GET", ResourcePaths.dataset(dataset), "", null);
    }

    HttpResult delete(DatasetRef dataset) {
        return send("DELETE", ResourcePaths.dataset(dataset), "", null);
    }

    HttpResult listDatasets(DatasetRef anyDatasetOfIdentity, String query) {
        String path = ResourcePaths.dataset(anyDatasetOfIdentity);
        return send("GET", path.substring(0, path.lastIndexOf('/')), query, null);
    }
}
