package dev.cogsync.emulator;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.emulator.junit.CognitoSyncEmulatorExtension;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.ResourcePaths;
import dev.cogsync.protocol.UpdateRecordsCodec;
import dev.cogsync.protocol.WireRequest;
import dev.cogsync.auth.SigV4Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every request is checked with core's SigV4 verifier, over the request exactly as received. */
class SigV4IT {

    @RegisterExtension
    static final CognitoSyncEmulatorExtension EMULATOR = CognitoSyncEmulatorExtension.create();

    private final TestClient client = new TestClient(EMULATOR.emulator());

    @Test
    void defaults_acceptTheDocumentationExamplePairInUsEast1() {
        assertThat(EMULATOR.emulator().credentials().accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(EMULATOR.emulator().region()).isEqualTo("us-east-1");
        assertThat(client.list(TestData.dataset()).datasetExists()).isFalse();
    }

    @Test
    void unsignedRequest_isMissingAuthenticationToken() {
        HttpResult result = client.unsigned().send("GET", ResourcePaths.records(TestData.dataset()), "", null);

        assertThat(result.status()).isEqualTo(403);
        assertThat(result.errorType()).isEqualTo("MissingAuthenticationTokenException");
        assertThat(result.message()).isEqualTo("Missing Authentication Token");
        assertThat(result.header("x-amzn-RequestId")).isNotBlank();
    }

    @Test
    void malformedAuthorization_isIncompleteSignature() {
        HttpResult result = client.unsigned().send("GET", ResourcePaths.records(TestData.dataset()), "", null,
                new HttpHeader("X-Amz-Date", "20240101T000000Z"),
                new HttpHeader("Authorization", "AWS4-HMAC-SHA256 Credential=nonsense"));

        assertThat(result.status()).isEqualTo(403);
        assertThat(result.errorType()).isEqualTo("IncompleteSignatureException");
        assertThat(result.message()).isNotBlank();
    }

    @Test
    void unknownAccessKey_isUnrecognizedClient() {
        HttpResult result = client.withCredentials(AwsCredentials.of("AKIDUNKNOWN", "secret"))
                .send("GET", ResourcePaths.records(TestData.dataset()), "", null);

        assertThat(result.status()).isEqualTo(403);
        assertThat(result.errorType()).isEqualTo("UnrecognizedClientException");
        assertThat(result.message()).isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void wrongSecret_isInvalidSignature_andAppliesNothing() {
        DatasetRef dataset = TestData.dataset();
        String token = client.list(dataset).syncSessionToken();

        HttpResult result = client.withCredentials(AwsCredentials.of("AKIDEXAMPLE", "not-the-secret"))
                .updateRaw(dataset, token, RecordPatch.replace("k", "v", 0));

        assertThat(result.status()).isEqualTo(403);
        assertThat(result.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(result.message()).startsWith("The request signature we calculated does not match");
        assertThat(EMULATOR.emulator().dataset(dataset)).isEmpty();
    }

    @Test
    void bodyChangedAfterSigning_isInvalidSignature() {
        DatasetRef dataset = TestData.dataset();
        String token = client.list(dataset).syncSessionToken();
        WireRequest wire = UpdateRecordsCodec.encodeRequest(UpdateRecordsRequest.builder().dataset(dataset)
                .syncSessionToken(token).addRecordPatch(RecordPatch.replace("k", "v", 0)).build());
        WireRequest signed = SigV4Signer.create("us-east-1", "cognito-sync").sign(
                wire.withHeaders(List.of(new HttpHeader("Host", EMULATOR.endpoint().getAuthority()))),
                EMULATOR.emulator().credentials(), Clock.systemUTC().instant()).request();
        byte[] changed = new String(signed.body(), StandardCharsets.UTF_8).replace("\"v\"", "\"w\"")
                .getBytes(StandardCharsets.UTF_8);

        HttpResult result = client.send(new WireRequest(signed.method(), signed.path(), signed.query(),
                signed.headers(), changed));

        assertThat(result.status()).isEqualTo(403);
        assertThat(result.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(EMULATOR.emulator().dataset(dataset)).isEmpty();
    }

    @Test
    void clockSkewOverFifteenMinutes_isInvalidSignature() {
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-16));
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16));
        Clock slightlyOff = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-14));
        String path = ResourcePaths.records(TestData.dataset());

        HttpResult expired = client.withSigningClock(behind).send("GET", path, "", null);
        HttpResult future = client.withSigningClock(ahead).send("GET", path, "", null);
        HttpResult tolerated = client.withSigningClock(slightlyOff).send("GET", path, "", null);

        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(expired.message()).startsWith("Signature expired");
        assertThat(future.status()).isEqualTo(403);
        assertThat(future.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(tolerated.status()).isEqualTo(200);
    }

    @Test
    void wrongRegionOrService_isInvalidSignature() {
        String path = ResourcePaths.records(TestData.dataset());

        HttpResult region = client.withRegion("eu-west-1").send("GET", path, "", null);
        HttpResult service = client.withService("cognito-identity").send("GET", path, "", null);

        assertThat(region.status()).isEqualTo(403);
        assertThat(region.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(region.message()).contains("eu-west-1");
        assertThat(service.status()).isEqualTo(403);
        assertThat(service.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(service.message()).contains("cognito-sync");
    }

    @Test
    void configuredCredentialsAndRegion_areTheOnesAccepted() {
        AwsCredentials mine = AwsCredentials.of("AKIDMINE", "my-secret");
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().credentials(mine).region("eu-central-1")
                .start()) {
            TestClient mineClient = new TestClient(emulator);
            String path = ResourcePaths.records(TestData.dataset());

            assertThat(mineClient.send("GET", path, "", null).status()).isEqualTo(200);
            assertThat(mineClient.withCredentials(AwsCredentials.of("AKIDEXAMPLE",
                    EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY)).send("GET", path, "", null).errorType())
                    .isEqualTo("UnrecognizedClientException");
            assertThat(mineClient.withRegion("us-east-1").send("GET", path, "", null).errorType())
                    .isEqualTo("InvalidSignatureException");
        }
    }

    @Test
    void authDisabled_acceptsUnsignedRequests() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().authEnabled(false).start()) {
            TestClient unsigned = new TestClient(emulator).unsigned();
            DatasetRef dataset = TestData.dataset();
            String token = unsigned.list(dataset).syncSessionToken();

            unsigned.update(dataset, token, RecordPatch.replace("k", "v", 0));

            assertThat(emulator.dataset(dataset).orElseThrow().value("k")).isEqualTo("v");
        }
    }
}
