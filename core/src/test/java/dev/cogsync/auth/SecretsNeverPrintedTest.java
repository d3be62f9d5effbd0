package dev.cogsync.auth;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.protocol.UpdateRecordsCodec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user might log, printed: no secret key, no AWS session token, no sync session token. (A signature is
 * neither: it is sent in the clear, and {@code SignedRequest} shows it for comparing with another signer; the
 * headers still mask the Authorization header, as they carry it.)
 */
class SecretsNeverPrintedTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRETKEY";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";
    private static final String SYNC_TOKEN = "SYNC-SESSION-TOKEN-abc123";
    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:0f0e0d0c-0000-4000-8000-000000000001",
            "us-east-1:11111111-2222-3333-4444-555555555555", "settings");

    @Test
    void requestsCredentialsHeadersAndSignaturesHideTheirSecrets() {
        AwsCredentials credentials = AwsCredentials.expiring("ASIAEXAMPLE", SECRET, SESSION_TOKEN,
                Instant.parse("2026-12-01T13:00:00Z"));
        UpdateRecordsRequest update = UpdateRecordsRequest.builder().dataset(DATASET).syncSessionToken(SYNC_TOKEN)
                .addRecordPatch(RecordPatch.replace("k", "v", 0)).build();
        SignedRequest signed = SigV4Signer.create("us-east-1", "cognito-sync").sign(
                UpdateRecordsCodec.encodeRequest(update).withHeaders(List.of(
                        new dev.cogsync.protocol.HttpHeader("Host", "cognito-sync.us-east-1.amazonaws.com"))),
                credentials, Instant.parse("2026-12-01T12:00:00Z"));
        ListRecordsResponse page = ListRecordsResponse.builder().syncSessionToken(SYNC_TOKEN).nextToken("next")
                .build();

        List<Object> printed = List.of(credentials, StaticCredentialsProvider.create(credentials), update,
                ListRecordsRequest.builder().dataset(DATASET).syncSessionToken(SYNC_TOKEN).nextToken("n").build(),
                page, signed, signed.request(), signed.request().headers());
        for (Object object : printed) {
            assertThat(object.toString()).as(object.getClass().getSimpleName())
                    .doesNotContain(SECRET, SESSION_TOKEN, SYNC_TOKEN);
        }
        assertThat(signed.request().headers().toString()).contains("X-Amz-Security-Token: ****")
                .contains("Authorization: ****");
    }
}
