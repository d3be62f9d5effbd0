package dev.cogsync.reactor;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.SigV4Verifier;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.auth.Verification;
import dev.cogsync.exception.ApiCallTimeoutException;
import dev.cogsync.exception.AttemptTimeoutException;
import dev.cogsync.exception.CognitoSyncClientException;
import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.exception.MalformedResponseException;
import dev.cogsync.exception.TransportException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.WireRequest;
import dev.cogsync.retry.RetryPolicy;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.Disposable;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripted HTTP: each test queues responses, makes a call, then asserts exactly what went over the wire. */
class CognitoSyncClientWireIT {

    private static final AwsCredentials CREDENTIALS = AwsCredentials.of("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:23ec4050-6aea-7089-a2dd-08002e000000",
            "us-east-1:11111111-2222-3333-4444-555555555555", "game.settings");
    private static final String DATASET_PATH = "/identitypools/us-east-1%3A23ec4050-6aea-7089-a2dd-08002e000000"
            + "/identities/us-east-1%3A11111111-2222-3333-4444-555555555555/datasets/game.settings";
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private CognitoSyncClient client;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = client(RetryPolicy.none(), CREDENTIALS);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private CognitoSyncClient client(RetryPolicy policy, AwsCredentials credentials) {
        return CognitoSyncClient.create(options(policy, credentials).build());
    }

    private ClientOptions.Builder options(RetryPolicy policy, AwsCredentials credentials) {
        return ClientOptions.builder().region("us-east-1")
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .retryPolicy(policy)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .userAgentSuffix("wire-test/1");
    }

    private static MockResponse json(int code, String body, String... headers) {
        MockResponse.Builder response = new MockResponse.Builder().code(code).body(body)
                .addHeader("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
        }
        return response.build();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    private static Verification verify(RecordedRequest request) {
        List<HttpHeader> headers = new ArrayList<>();
        for (String name : request.getHeaders().names()) {
            for (String value : request.getHeaders().values(name)) {
                headers.add(new HttpHeader(name, value));
            }
        }
        String target = request.getTarget();
        int question = target.indexOf('?');
        WireRequest received = new WireRequest(request.getMethod(), question < 0 ? target : target.substring(0,
                question), question < 0 ? "" : target.substring(question + 1), headers,
                request.getBody() == null ? null : request.getBody().toByteArray());
        return SigV4Verifier.builder().region("us-east-1").service("cognito-sync")
                .credentialsLookup(key -> key.equals(CREDENTIALS.accessKeyId()) ? CREDENTIALS : null)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().verify(received);
    }

    @Test
    void updateRecordsSendsExactlyTheSignedRestJsonRequest() throws Exception {
        server.enqueue(json(200, "{\"Records\":[{\"Key\":\"highScore\",\"Value\":\"42\",\"SyncCount\":6,"
                + "\"LastModifiedDate\":1.7637264E9,\"LastModifiedBy\":\"dev-1\"}]}"));
        UpdateRecordsRequest request = UpdateRecordsRequest.builder().dataset(DATASET).deviceId("dev-1")
                .syncSessionToken("tok").clientContext("e30=")
                .addRecordPatch(RecordPatch.replace("highScore", "42", 5)).build();

        StepVerifier.create(client.updateRecords(request))
                .assertNext(response -> assertThat(response.records()).containsExactly(new Record("highScore", "42",
                        6, Instant.ofEpochSecond(1763726400), "dev-1", null)))
                .verifyComplete();

        RecordedRequest sent = take();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getTarget()).isEqualTo(DATASET_PATH);
        assertThat(sent.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(sent.getHeaders().get("x-amz-Client-Context")).isEqualTo("e30=");
        assertThat(sent.getHeaders().get("Host")).isEqualTo("127.0.0.1:" + server.getPort());
        assertThat(sent.getHeaders().values("Host")).hasSize(1);
        assertThat(sent.getHeaders().get("X-Amz-Date")).isEqualTo("20261121T120000Z");
        assertThat(sent.getHeaders().get("User-Agent")).startsWith("cogsync/").endsWith(" wire-test/1");
        assertThat(sent.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(sent.getBodySize()));
        assertThat(sent.getHeaders().get("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"
                + "20261121/us-east-1/cognito-sync/aws4_request, SignedHeaders=content-type;host;x-amz-client-context;"
                + "x-amz-date, Signature=");
        assertThat(sent.getBody().string(StandardCharsets.UTF_8)).isEqualTo("{\"DeviceId\":\"dev-1\","
                + "\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"highScore\",\"Value\":\"42\",\"SyncCount\":5}],"
                + "\"SyncSessionToken\":\"tok\"}");
        assertThat(verify(sent).ok()).as("the signature verifies against what went over the wire").isTrue();
    }

    @Test
    void listRecordsSendsAGetWithTheQueryAndNoBody() throws Exception {
        server.enqueue(json(200, "{\"Records\":[],\"Count\":0,\"DatasetSyncCount\":0,\"DatasetExists\":false,"
                + "\"SyncSessionToken\":\"session\"}"));

        StepVerifier.create(client.listRecords(ListRecordsRequest.builder().dataset(DATASET).lastSyncCount(3L)
                        .maxResults(50).nextToken("a/b").build()))
                .assertNext(page -> {
                    assertThat(page.datasetExists()).isFalse();
                    assertThat(page.syncSessionToken()).isEqualTo("session");
                })
                .verifyComplete();

        RecordedRequest sent = take();
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getTarget()).isEqualTo(DATASET_PATH + "/records?lastSyncCount=3&maxResults=50&nextToken=a%2Fb");
        assertThat(sent.getBodySize()).isZero();
        assertThat(sent.getHeaders().get("Content-Type")).isNull();
        assertThat(sent.getHeaders().get("Authorization")).contains("SignedHeaders=host;x-amz-date,");
        assertThat(verify(sent).ok()).isTrue();
    }

    @Test
    void temporaryCredentialsSendAndSignTheSessionToken() throws Exception {
        try (CognitoSyncClient temporary = client(RetryPolicy.none(), AwsCredentials.of("AKIDEXAMPLE",
                CREDENTIALS.secretAccessKey(), "the-session-token"))) {
            server.enqueue(json(200, "{\"Records\":[]}"));
            temporary.listRecords(ListRecordsRequest.of(DATASET)).block(Duration.ofSeconds(10));
        }
        RecordedRequest sent = take();
        assertThat(sent.getHeaders().get("X-Amz-Security-Token")).isEqualTo("the-session-token");
        assertThat(sent.getHeaders().get("Authorization")).contains("host;x-amz-date;x-amz-security-token");
    }

    @ParameterizedTest
    @CsvSource({
            "400, InvalidParameterException", "400, LimitExceededException", "403, NotAuthorizedException",
            "404, ResourceNotFoundException", "409, ResourceConflictException",
            "400, InvalidLambdaFunctionOutputException", "429, LambdaThrottledException",
            "429, TooManyRequestsException", "500, InternalErrorException", "418, TeapotException"})
    void everyErrorResponseMapsToItsTypedException(int status, String code) {
        server.enqueue(json(status, "{\"message\":\"scripted\"}", "x-amzn-ErrorType", code,
                "x-amzn-RequestId", "request-7"));

        StepVerifier.create(client.listRecords(ListRecordsRequest.of(DATASET)))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(CognitoSyncServiceException.class);
                    CognitoSyncServiceException error = (CognitoSyncServiceException) e;
                    assertThat(error.getClass().getSimpleName()).isEqualTo(code.equals("TeapotException")
                            ? "UnmodeledServiceException" : code);
                    assertThat(error.statusCode()).isEqualTo(status);
                    assertThat(error.errorCode()).isEqualTo(code);
                    assertThat(error.errorMessage()).isEqualTo("scripted");
                    assertThat(error.requestId()).isEqualTo("request-7");
                    assertThat(error.attempts()).isEqualTo(1);
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void transientErrorsAreRetriedOverTheWire() throws Exception {
        try (CognitoSyncClient retrying = client(RetryPolicy.defaults().toBuilder()
                .transientBaseDelay(Duration.ofMillis(1)).throttlingBaseDelay(Duration.ofMillis(1)).build(), CREDENTIALS)) {
            server.enqueue(json(503, "<html>unavailable</html>"));
            server.enqueue(json(429, "{}", "x-amzn-ErrorType", "TooManyRequestsException"));
            server.enqueue(json(200, "{\"Records\":[],\"Count\":0}"));
            StepVerifier.create(retrying.listRecords(ListRecordsRequest.of(DATASET))).expectNextCount(1)
                    .verifyComplete();
            assertThat(retrying.stats()).isEqualTo(new ClientStats(0, 3, 2, 1, 2, 0, 0));
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aMalformedSuccessBodyIsATypedError() {
        server.enqueue(json(200, "not json"));
        StepVerifier.create(client.listRecords(ListRecordsRequest.of(DATASET)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MalformedResponseException.class)
                        .extracting(t -> ((MalformedResponseException) t).attempts()).isEqualTo(1))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void connectionClosedBeforeTheResponseIsATransportErrorThatMayHaveBeenApplied() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        StepVerifier.create(client.listRecords(ListRecordsRequest.of(DATASET)))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(TransportException.class);
                    assertThat(((TransportException) e).requestMayHaveBeenSent()).isTrue();
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aRefusedConnectionIsATransportErrorThatWasNotSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        try (CognitoSyncClient refused = CognitoSyncClient.create(options(RetryPolicy.none(), CREDENTIALS)
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort)).build())) {
            StepVerifier.create(refused.listRecords(ListRecordsRequest.of(DATASET)))
                    .expectErrorSatisfies(e -> assertThat(((TransportException) e).requestMayHaveBeenSent()).isFalse())
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void aOneDigitPortIsAPortNotPartOfAHostName() {
        // Nothing listens on port 9 here (discard): the connection is refused, not a host name left unresolved.
        try (CognitoSyncClient refused = CognitoSyncClient.create(options(RetryPolicy.none(), CREDENTIALS)
                .endpointOverride(URI.create("http://127.0.0.1:9")).build())) {
            StepVerifier.create(refused.listRecords(ListRecordsRequest.of(DATASET)))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                            .hasMessageStartingWith("could not connect")
                            .hasMessageNotContaining("resolve"))
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void doNotSendUntilSubscribed() throws Exception {
        server.enqueue(json(200, "{\"Records\":[]}"));
        var call = client.listRecords(ListRecordsRequest.of(DATASET));
        assertThat(server.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
        call.block(Duration.ofSeconds(10));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void listAllRecordsFetchesPagesOnlyAsDemandReachesThem() throws Exception {
        server.enqueue(json(200, "{\"Records\":[{\"Key\":\"a\",\"SyncCount\":1},{\"Key\":\"b\",\"SyncCount\":1}],"
                + "\"NextToken\":\"p2\"}"));
        server.enqueue(json(200, "{\"Records\":[{\"Key\":\"c\",\"SyncCount\":2}],\"NextToken\":\"p3\"}"));
        server.enqueue(json(200, "{\"Records\":[{\"Key\":\"d\",\"SyncCount\":3}]}"));

        StepVerifier.create(client.listAllRecords(ListRecordsRequest.builder().dataset(DATASET).maxResults(2)
                        .build()), 1)
                .assertNext(record -> assertThat(record.key()).isEqualTo("a"))
                .then(() -> assertThat(server.getRequestCount()).isEqualTo(1))
                .thenRequest(1)
                .assertNext(record -> assertThat(record.key()).isEqualTo("b"))
                .thenRequest(Long.MAX_VALUE)
                .assertNext(record -> assertThat(record.key()).isEqualTo("c"))
                .assertNext(record -> assertThat(record.key()).isEqualTo("d"))
                .verifyComplete();

        assertThat(take().getTarget()).endsWith("/records?maxResults=2");
        assertThat(take().getTarget()).endsWith("/records?maxResults=2&nextToken=p2");
        assertThat(take().getTarget()).endsWith("/records?maxResults=2&nextToken=p3");
    }

    @Test
    void cancellingAbortsTheExchangeAndFreesTheConnection() {
        try (CognitoSyncClient single = CognitoSyncClient.create(options(RetryPolicy.none(), CREDENTIALS)
                .maxConnections(1).pendingAcquireTimeout(Duration.ofSeconds(5)).build())) {
            server.enqueue(new MockResponse.Builder().code(200).body("{\"Records\":[]}")
                    .headersDelay(30, TimeUnit.SECONDS).build());
            server.enqueue(json(200, "{\"Records\":[],\"Count\":0}"));

            Disposable hung = single.listRecords(ListRecordsRequest.of(DATASET)).subscribe();
            StepVerifier.create(reactor.core.publisher.Mono.delay(Duration.ofMillis(300))).expectNextCount(1)
                    .verifyComplete();
            hung.dispose();

            StepVerifier.create(single.listRecords(ListRecordsRequest.of(DATASET))).expectNextCount(1)
                    .verifyComplete();
        }
    }

    @Test
    void anAttemptThatOutlivesItsTimeoutFailsAndGivesBackItsConnection() {
        try (CognitoSyncClient single = CognitoSyncClient.create(options(RetryPolicy.none(), CREDENTIALS)
                .maxConnections(1).attemptTimeout(Duration.ofMillis(300)).build())) {
            server.enqueue(new MockResponse.Builder().code(200).body("{\"Records\":[]}")
                    .headersDelay(30, TimeUnit.SECONDS).build());
            server.enqueue(json(200, "{\"Records\":[],\"Count\":0}"));

            long started = System.nanoTime();
            StepVerifier.create(single.listRecords(ListRecordsRequest.of(DATASET)))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(AttemptTimeoutException.class)
                            .hasMessageContaining("within PT0.3S")
                            .satisfies(t -> assertThat(((AttemptTimeoutException) t).attempts()).isEqualTo(1)))
                    .verify(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300))
                    .isLessThan(Duration.ofSeconds(10));

            StepVerifier.create(single.listRecords(ListRecordsRequest.of(DATASET))).expectNextCount(1)
                    .verifyComplete();
        }
    }

    @Test
    void theCallTimeoutEndsACallWhoseAttemptsNeverAnswer() {
        try (CognitoSyncClient patient = CognitoSyncClient.create(options(RetryPolicy.defaults(), CREDENTIALS)
                .apiCallTimeout(Duration.ofMillis(500)).build())) {
            server.enqueue(new MockResponse.Builder().code(200).body("{\"Records\":[]}")
                    .headersDelay(30, TimeUnit.SECONDS).build());

            StepVerifier.create(patient.listRecords(ListRecordsRequest.of(DATASET)))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ApiCallTimeoutException.class)
                            .hasMessageContaining("within PT0.5S"))
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void aCallerOwnedPoolIsNotDisposedOnClose() {
        ConnectionProvider shared = ConnectionProvider.create("shared", 4);
        try {
            server.enqueue(json(200, "{\"Records\":[]}"));
            server.enqueue(json(200, "{\"Records\":[]}"));
            CognitoSyncClient borrowing = CognitoSyncClient.create(options(RetryPolicy.none(), CREDENTIALS)
                    .connectionProvider(shared).build());
            borrowing.listRecords(ListRecordsRequest.of(DATASET)).block(Duration.ofSeconds(10));
            borrowing.close();

            assertThat(shared.isDisposed()).isFalse();
            try (CognitoSyncClient next = CognitoSyncClient.create(options(RetryPolicy.none(), CREDENTIALS)
                    .connectionProvider(shared).build())) {
                StepVerifier.create(next.listRecords(ListRecordsRequest.of(DATASET))).expectNextCount(1)
                        .verifyComplete();
            }
        } finally {
            shared.dispose();
        }
    }

    @Test
    void aClosedClientRefusesCalls() {
        client.close();
        StepVerifier.create(client.listRecords(ListRecordsRequest.of(DATASET)))
                .expectErrorSatisfies(e -> assertThat(e).isExactlyInstanceOf(CognitoSyncClientException.class)
                        .hasMessage("the client is closed"))
                .verify(Duration.ofSeconds(10));
        assertThat(server.getRequestCount()).isZero();
    }

    private static final String IDENTITY_PATH = "/identitypools/us-east-1%3A23ec4050-6aea-7089-a2dd-08002e000000"
            + "/identities/us-east-1%3A11111111-2222-3333-4444-555555555555";

    @Test
    void listDatasetsPagesThroughEveryDatasetWithSignedGets() throws Exception {
        server.enqueue(json(200, "{\"Count\":1,\"Datasets\":[{\"IdentityId\":\"i\",\"DatasetName\":\"a\","
                + "\"CreationDate\":1.7637264E9,\"LastModifiedDate\":1763726400.5,\"DataStorage\":10,"
                + "\"NumRecords\":2}],\"NextToken\":\"p/2\"}"));
        server.enqueue(json(200, "{\"Count\":1,\"Datasets\":[{\"IdentityId\":\"i\",\"DatasetName\":\"b\","
                + "\"DataStorage\":0,\"NumRecords\":0}]}"));

        StepVerifier.create(client.listAllDatasets(DATASET.identityPoolId(), DATASET.identityId()))
                .assertNext(first -> {
                    assertThat(first.datasetName()).isEqualTo("a");
                    assertThat(first.lastModifiedDate()).isEqualTo(Instant.ofEpochMilli(1763726400500L));
                    assertThat(first.numRecords()).isEqualTo(2);
                })
                .assertNext(second -> assertThat(second.datasetName()).isEqualTo("b"))
                .verifyComplete();

        RecordedRequest page1 = take();
        RecordedRequest page2 = take();
        assertThat(page1.getMethod()).isEqualTo("GET");
        assertThat(page1.getTarget()).isEqualTo(IDENTITY_PATH + "/datasets");
        assertThat(page2.getTarget()).isEqualTo(IDENTITY_PATH + "/datasets?nextToken=p%2F2");
        assertThat(verify(page1).ok()).isTrue();
        assertThat(verify(page2).ok()).isTrue();
    }

    @Test
    void describeAndDeleteDatasetAndIdentityUsageAreSignedRequestsOfTheirPaths() throws Exception {
        String dataset = "{\"Dataset\":{\"IdentityId\":\"us-east-1:11111111-2222-3333-4444-555555555555\","
                + "\"DatasetName\":\"game.settings\",\"DataStorage\":42,\"NumRecords\":3}}";
        server.enqueue(json(200, dataset));
        server.enqueue(json(200, dataset));
        server.enqueue(json(200, "{\"IdentityUsage\":{\"IdentityId\":\"us-east-1:11111111-2222-3333-4444-555555555555\","
                + "\"IdentityPoolId\":\"us-east-1:23ec4050-6aea-7089-a2dd-08002e000000\",\"DatasetCount\":1,"
                + "\"DataStorage\":42,\"LastModifiedDate\":1763726400}}"));

        assertThat(client.describeDataset(DATASET).block().numRecords()).isEqualTo(3);
        assertThat(client.deleteDataset(DATASET).block().dataStorage()).isEqualTo(42);
        assertThat(client.describeIdentityUsage(DATASET.identityPoolId(), DATASET.identityId()).block())
                .extracting(usage -> usage.datasetCount(), usage -> usage.lastModifiedDate())
                .containsExactly(1L, Instant.ofEpochSecond(1763726400));

        RecordedRequest describe = take();
        RecordedRequest delete = take();
        RecordedRequest usage = take();
        assertThat(describe.getMethod() + " " + describe.getTarget()).isEqualTo("GET " + DATASET_PATH);
        assertThat(delete.getMethod() + " " + delete.getTarget()).isEqualTo("DELETE " + DATASET_PATH);
        assertThat(usage.getMethod() + " " + usage.getTarget()).isEqualTo("GET " + IDENTITY_PATH);
        for (RecordedRequest request : List.of(describe, delete, usage)) {
            assertThat(verify(request).ok()).isTrue();
        }
    }

    @Test
    void describingAMissingDatasetIsResourceNotFound() {
        server.enqueue(json(404, "{\"message\":\"Dataset not found\"}", "x-amzn-ErrorType",
                "ResourceNotFoundException"));

        StepVerifier.create(client.describeDataset(DATASET))
                .expectError(dev.cogsync.exception.ResourceNotFoundException.class)
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void liveRecordsLeaveTombstonesOut() {
        server.enqueue(json(200, "{\"Records\":[{\"Key\":\"a\",\"Value\":\"1\",\"SyncCount\":1},"
                + "{\"Key\":\"gone\",\"SyncCount\":2},{\"Key\":\"b\",\"Value\":\"2\",\"SyncCount\":3}],"
                + "\"DatasetSyncCount\":3,\"SyncSessionToken\":\"t\"}"));

        StepVerifier.create(client.listLiveRecords(ListRecordsRequest.of(DATASET)).map(Record::key))
                .expectNext("a", "b")
                .verifyComplete();
    }
}
