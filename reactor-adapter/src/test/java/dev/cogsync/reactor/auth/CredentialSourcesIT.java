package dev.cogsync.reactor.auth;

import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.exception.CredentialsException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.reactor.ClientOptions;
import dev.cogsync.reactor.CognitoSyncClient;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each HTTP credential source end to end, configured only by the standard environment variables, against a local
 * fake of its endpoint (IMDSv2, a container endpoint, STS) that hands out the emulator's keys with a session token;
 * the emulator checks the signature of every request signed with them.
 */
class CredentialSourcesIT {

    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:0f0e0d0c-0000-4000-8000-00000000c0a1",
            "us-east-1:00000001-0000-4000-8000-000000000000", "credentials");

    @TempDir
    Path home;

    private CognitoSyncEmulator emulator;
    private DisposableServer fake;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> forms = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        emulator = CognitoSyncEmulator.builder().start();
        fake = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .put("/latest/api/token", (request, response) -> count("token", request.requestHeaders()
                        .contains("X-aws-ec2-metadata-token-ttl-seconds") ? response.sendString(Mono.just("imds-token"))
                        : response.status(HttpResponseStatus.BAD_REQUEST).send()))
                .get("/latest/meta-data/iam/security-credentials/", (request, response) -> count("roles",
                        tokenChecked(request, response, "app-role\n")))
                .get("/latest/meta-data/iam/security-credentials/app-role", (request, response) -> count("imds",
                        tokenChecked(request, response, credentialsJson("Token"))))
                .get("/latest/meta-data/placement/region", (request, response) -> count("region",
                        tokenChecked(request, response, "eu-west-1")))
                .get("/container/credentials", (request, response) -> {
                    authorizations.add(String.valueOf(request.requestHeaders().get("Authorization")));
                    return count("container", response.sendString(Mono.just(credentialsJson("Token"))));
                })
                .post("/", (request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8)
                        .flatMap(form -> {
                            forms.add(URLDecoder.decode(form, StandardCharsets.UTF_8));
                            authorizations.add(String.valueOf(request.requestHeaders().get("Authorization")));
                            return count("sts", response.header("Content-Type", "text/xml")
                                    .sendString(Mono.just(stsXml())).then());
                        })))
                .bindNow();
    }

    @AfterEach
    void stop() {
        fake.disposeNow();
        emulator.close();
    }

    private <T> T count(String name, T result) {
        hits.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        return result;
    }

    private static reactor.netty.NettyOutbound tokenChecked(HttpServerRequest request, HttpServerResponse response,
                                                           String body) {
        if (!"imds-token".equals(request.requestHeaders().get("X-aws-ec2-metadata-token"))) {
            return response.status(HttpResponseStatus.UNAUTHORIZED).sendString(Mono.just(""));
        }
        return response.sendString(Mono.just(body));
    }

    private String credentialsJson(String tokenField) {
        return "{\"Code\":\"Success\",\"AccessKeyId\":\"" + emulator.credentials().accessKeyId()
                + "\",\"SecretAccessKey\":\"" + emulator.credentials().secretAccessKey() + "\",\"" + tokenField
                + "\":\"session-token\",\"Expiration\":\"" + Instant.now().plus(Duration.ofHours(6)) + "\"}";
    }

    private String stsXml() {
        return "<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>"
                + emulator.credentials().accessKeyId() + "</AccessKeyId><SecretAccessKey>"
                + emulator.credentials().secretAccessKey() + "</SecretAccessKey><SessionToken>sts-token"
                + "</SessionToken><Expiration>" + Instant.now().plus(Duration.ofHours(1))
                + "</Expiration></Credentials></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>";
    }

    private String fakeUrl() {
        return "http://127.0.0.1:" + fake.port();
    }

    /** The default chain with nothing configured but {@code variables}: no keys, no profiles. */
    private CredentialsProvider chain(Map<String, String> variables) {
        return DefaultCredentialsChain.builder().environment(variables).systemProperties(new Properties())
                .homeDirectory(home).build();
    }

    /** Lists the dataset {@code calls} times through a client signing with {@code credentials}. */
    private void callsSucceed(CredentialsProvider credentials, int calls) {
        try (CognitoSyncClient client = CognitoSyncClient.create(ClientOptions.builder().region(emulator.region())
                .endpointOverride(emulator.endpoint()).credentialsProvider(credentials).build())) {
            List<Boolean> exists = Flux.range(0, calls)
                    .flatMap(i -> client.listRecords(ListRecordsRequest.of(DATASET)).map(page -> page.datasetExists()),
                            32)
                    .collectList().block(Duration.ofSeconds(30));
            assertThat(exists).hasSize(calls);
        }
    }

    @Test
    void instanceMetadataV2SignsRequestsAndIsFetchedOnce() {
        Map<String, String> env = Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", fakeUrl());
        callsSucceed(chain(env), 200);

        assertThat(hits.get("token")).hasValue(1);
        assertThat(hits.get("imds")).as("credentials fetched once for 200 calls").hasValue(1);
        assertThat(InstanceMetadataCredentialsProvider.create(env, java.time.Clock.systemUTC()).region()
                .block(Duration.ofSeconds(5))).isEqualTo("eu-west-1");
    }

    @Test
    void containerCredentialsSendTheAuthorizationTokenFromItsFile() throws Exception {
        Path token = Files.writeString(home.resolve("token"), "pod-identity-token\n");
        Map<String, String> env = Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", fakeUrl() + "/container/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token.toString(),
                "AWS_EC2_METADATA_DISABLED", "true");
        callsSucceed(chain(env), 200);

        assertThat(hits.get("container")).hasValue(1);
        assertThat(authorizations).containsExactly("pod-identity-token");
    }

    @Test
    void aRelativeContainerUriIsRefusedUnlessItIsTheEcsHostAndFullUrisOnlyToAllowedHosts() {
        assertThatThrownBy(() -> ContainerCredentialsProvider.create(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://169.254.169.254/steal"), java.time.Clock.systemUTC()).resolveCredentials()
                .toCompletableFuture().join()).hasCauseInstanceOf(CredentialsException.class)
                .hasMessageContaining("http is allowed only to a loopback address");
    }

    @Test
    void aWebIdentityTokenIsExchangedAtTheStsEndpointOfTheEnvironment() throws Exception {
        Path token = Files.writeString(home.resolve("web-identity"), "eyJraWQiOiJ0ZXN0In0.payload.sig");
        Map<String, String> env = Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString(),
                "AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/app", "AWS_ROLE_SESSION_NAME", "pod-1",
                "AWS_ENDPOINT_URL_STS", fakeUrl(), "AWS_EC2_METADATA_DISABLED", "true");
        callsSucceed(chain(env), 200);

        assertThat(hits.get("sts")).hasValue(1);
        assertThat(forms).singleElement().asString().contains("Action=AssumeRoleWithWebIdentity",
                "RoleArn=arn:aws:iam::123456789012:role/app", "RoleSessionName=pod-1",
                "WebIdentityToken=eyJraWQiOiJ0ZXN0In0.payload.sig");
    }

    @Test
    void aProfileWithCredentialProcessRunsTheCommandOnce() throws Exception {
        Path counter = home.resolve("runs");
        Path script = Files.writeString(home.resolve("creds.sh"), "echo run >> '" + counter + "'\n"
                + "echo '{\"Version\": 1, \"AccessKeyId\": \"" + emulator.credentials().accessKeyId()
                + "\", \"SecretAccessKey\": \"" + emulator.credentials().secretAccessKey()
                + "\", \"SessionToken\": \"process-token\", \"Expiration\": \""
                + Instant.now().plus(Duration.ofHours(1)) + "\"}'\n");
        Path config = Files.writeString(home.resolve("config"), "[profile app]\ncredential_process = sh " + script
                + "\n");
        callsSucceed(chain(Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE",
                home.resolve("none").toString(), "AWS_PROFILE", "app", "AWS_EC2_METADATA_DISABLED", "true")), 200);

        assertThat(Files.readAllLines(counter)).as("the command ran once for 200 calls").hasSize(1);
    }

    @Test
    void aRoleProfileAssumesTheRoleWithItsSourceProfileSigningTheStsCall() throws Exception {
        Path config = Files.writeString(home.resolve("config"), """
                [profile base]
                aws_access_key_id = AKIDSOURCE
                aws_secret_access_key = source-secret
                [profile app]
                role_arn = arn:aws:iam::123456789012:role/app
                source_profile = base
                role_session_name = batch
                external_id = ext-1
                region = eu-west-1
                """);
        callsSucceed(chain(Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE",
                home.resolve("none").toString(), "AWS_PROFILE", "app", "AWS_ENDPOINT_URL_STS", fakeUrl(),
                "AWS_EC2_METADATA_DISABLED", "true")), 100);

        assertThat(hits.get("sts")).hasValue(1);
        assertThat(forms).singleElement().asString().contains("Action=AssumeRole&", "ExternalId=ext-1",
                "RoleSessionName=batch", "RoleArn=arn:aws:iam::123456789012:role/app");
        assertThat(authorizations).singleElement().asString()
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDSOURCE/").contains("/eu-west-1/sts/aws4_request");
    }

    @Test
    void profilesAreFoundUnderHomeBeforeUserHome() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = "
                + emulator.credentials().accessKeyId() + "\naws_secret_access_key = "
                + emulator.credentials().secretAccessKey() + "\n");
        CredentialsProvider chain = DefaultCredentialsChain.builder().environment(Map.of("HOME", home.toString(),
                "AWS_EC2_METADATA_DISABLED", "true")).systemProperties(new Properties()).build();
        callsSucceed(chain, 10);
    }

    @Test
    void withNothingConfiguredTheChainSaysWhatItTriedAndNoSecret() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        assertThatThrownBy(() -> chain(env).resolveCredentials().toCompletableFuture().join())
                .hasCauseInstanceOf(CredentialsException.class)
                .hasMessageContaining("web identity").hasMessageContaining("container credentials")
                .hasMessageContaining("EC2 instance metadata: disabled");
    }

    @Test
    void stsEndpointsFollowTheSdksRules() {
        assertThat(StsEndpoint.resolve(Map.of("AWS_REGION", "eu-west-1")::get))
                .hasToString("https://sts.eu-west-1.amazonaws.com/");
        assertThat(StsEndpoint.resolve(Map.of("AWS_REGION", "cn-north-1")::get))
                .hasToString("https://sts.cn-north-1.amazonaws.com.cn/");
        assertThat(StsEndpoint.resolve(Map.<String, String>of()::get)).hasToString("https://sts.amazonaws.com/");
        assertThat(StsEndpoint.resolve(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566",
                "AWS_REGION", "eu-west-1")::get)).hasToString("http://localhost:4566/");
        assertThat(StsEndpoint.resolve(Map.of("AWS_ENDPOINT_URL_STS", "http://sts.local",
                "AWS_ENDPOINT_URL", "http://other")::get)).hasToString("http://sts.local/");
    }
}
