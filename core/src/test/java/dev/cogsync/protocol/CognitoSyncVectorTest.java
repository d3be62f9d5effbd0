package dev.cogsync.protocol;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.SigV4Signer;
import dev.cogsync.auth.SignedRequest;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole client path on the real Cognito Sync vector (made with the AWS SDK for Python): the model, encoded
 * by the codec and signed by the signer, gives byte for byte the body, canonical request, string to sign and
 * Authorization header of the vector.
 */
class CognitoSyncVectorTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = CognitoSyncVectorTest.class.getResourceAsStream(
                "/sigv4/cognito-sync-update-records-lowercase-pool/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theModelEncodedAndSignedReproducesTheVector() throws IOException {
        UpdateRecordsRequest request = UpdateRecordsRequest.builder()
                .dataset(UpdateRecordsCodecTest.VECTOR_DATASET)
                .addRecordPatch(RecordPatch.replace("highScore", "42", 5))
                .syncSessionToken("tok")
                .build();

        WireRequest wire = UpdateRecordsCodec.encodeRequest(request)
                .withHeaders(List.of(new HttpHeader("Host", "cognito-sync.us-east-1.amazonaws.com")));
        SignedRequest signed = SigV4Signer.create("us-east-1", "cognito-sync").sign(wire,
                AwsCredentials.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                Instant.parse("2015-08-30T12:36:00Z"));

        assertThat(new String(wire.body(), StandardCharsets.UTF_8)).isEqualTo(resource("compact-body.json"));
        String expected = resource("compact-body-variant.txt").replace("\r\n", "\n");
        String[] parts = expected.split("\\n\\n(?=AWS4-HMAC-SHA256\\n)|\\n\\n(?=Authorization: )");
        assertThat(signed.canonicalRequest()).isEqualTo(parts[0]);
        assertThat(signed.stringToSign()).isEqualTo(parts[1].strip());
        assertThat("Authorization: " + signed.authorization()).isEqualTo(parts[2].strip());
    }
}
