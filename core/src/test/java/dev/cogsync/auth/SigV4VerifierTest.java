package dev.cogsync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogsync.auth.Verification.Outcome;
import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.WireRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigV4VerifierTest {

    private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String TEMPORARY_KEY_ID = "ASIAEXAMPLE";
    private static final String TOKEN = "FQoGZXIvYXdzEXAMPLEsessionTOKEN+/=";
    private static final AwsCredentials CREDENTIALS = AwsCredentials.of(ACCESS_KEY_ID, SECRET);
    private static final AwsCredentials TEMPORARY = AwsCredentials.of(TEMPORARY_KEY_ID, "temporarySecret", TOKEN);
    private static final Instant TIME = Instant.parse("2015-08-30T12:36:00Z");
    private static final String PATH = "/identitypools/us-east-1%3A23EC4050-6AEA-7089-A2DD-08002EXAMPLE/identities/"
            + "us-east-1%3A11111111-2222-3333-4444-555555555555/datasets/game.settings";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    private final SigV4Signer signer = SigV4Signer.create("us-east-1", "cognito-sync");
    private final SigV4Verifier verifier = verifierAt(TIME);

    @Test
    void verify_requestFromTheSigner_isOk() {
        Verification verification = verifier.verify(signed(updateRecords()));

        assertThat(verification).isEqualTo(new Verification(Outcome.OK, "Signature verified.", ACCESS_KEY_ID));
        assertThat(verification.ok()).isTrue();
    }

    @Test
    void verify_withoutAuthorization_isMissingAuthentication() {
        Verification verification = verifier.verify(signed(updateRecords()).withoutHeader("Authorization"));

        assertThat(verification)
                .isEqualTo(new Verification(Outcome.MISSING_AUTHENTICATION, "Missing Authentication Token", null));
        assertThat(verification.ok()).isFalse();
    }

    @Test
    void verify_garbageAuthorization_isMalformedAndSaysWhatIsWrong() {
        assertMalformed("Bearer abc", "Unsupported authorization algorithm; only 'AWS4-HMAC-SHA256' is accepted.");
        assertMalformed("AWS4-HMAC-SHA256 garbage",
                "Authorization header is malformed; expected 'Name=value' parts separated by commas.");
        assertMalformed("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=" + "0".repeat(64),
                "Authorization header requires 'Credential' parameter.");
        assertMalformed("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/cognito-sync/aws4_request, "
                + "Signature=" + "0".repeat(64), "Authorization header requires 'SignedHeaders' parameter.");
        assertMalformed("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/cognito-sync/aws4_request, "
                + "SignedHeaders=host", "Authorization header requires 'Signature' parameter.");
        assertMalformed("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1, SignedHeaders=host, "
                + "Signature=" + "0".repeat(64), "Authorization header is malformed; the Credential is mal-formed; "
                + "expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
        assertMalformed("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/cognito-sync/aws5_request, "
                + "SignedHeaders=host, Signature=" + "0".repeat(64),
                "Credential should be scoped with a valid terminator: 'aws4_request'.");
        assertMalformed("AWS4-HMAC-SHA256 Credential=A/20150830/us-east-1/cognito-sync/aws4_request, Credential=B/"
                + "20150830/us-east-1/cognito-sync/aws4_request, SignedHeaders=host, Signature=" + "0".repeat(64),
                "Authorization header is malformed; 'Credential' appears more than once.");
        assertMalformed("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/cognito-sync/aws4_request, "
                + "SignedHeaders=Host;x-amz-date, Signature=" + "0".repeat(64), "Authorization header is malformed; "
                + "SignedHeaders must be lower-case header names separated by ';'.");
        assertMalformed("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/cognito-sync/aws4_request, "
                + "SignedHeaders=host, Signature=xyz", "Authorization header is malformed; the Signature must be 64 "
                + "hexadecimal digits.");
    }

    @Test
    void verify_hostNotSigned_isMalformed() {
        WireRequest request = signed(updateRecords());
        String authorization = request.header("Authorization")
                .replace("SignedHeaders=content-type;host;x-amz-date", "SignedHeaders=content-type;x-amz-date");

        Verification verification = verifier.verify(withAuthorization(request, authorization));

        assertThat(verification).isEqualTo(new Verification(Outcome.MALFORMED,
                "Authorization header is malformed; SignedHeaders must include 'host'.", ACCESS_KEY_ID));
    }

    @Test
    void verify_signedHeaderMissingFromTheRequest_isMalformed() {
        WireRequest request = signed(updateRecords()).withoutHeader("Content-Type");

        assertThat(verifier.verify(request).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify(request).message()).contains("'content-type'");
    }

    @Test
    void verify_missingOrUnparsableDate_isMalformed() {
        WireRequest request = signed(updateRecords());

        assertThat(verifier.verify(request.withoutHeader("X-Amz-Date")).message())
                .isEqualTo("Authorization header requires existence of an 'X-Amz-Date' header.");
        Verification badDate = verifier.verify(request.withoutHeader("X-Amz-Date")
                .withHeaders(List.of(new HttpHeader("X-Amz-Date", "20150830T126000Z"))));
        assertThat(badDate.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(badDate.message()).contains("X-Amz-Date");
    }

    @Test
    void verify_scopeDateDifferentFromRequestDate_isMalformed() {
        WireRequest request = signed(updateRecords());
        String authorization = request.header("Authorization").replace("/20150830/", "/20150831/");

        Verification verification = verifier.verify(withAuthorization(request, authorization));

        assertThat(verification).isEqualTo(new Verification(Outcome.MALFORMED, "Date in Credential scope does not "
                + "match YYYYMMDD from X-Amz-Date: '20150831' != '20150830'.", ACCESS_KEY_ID));
    }

    @Test
    void verify_unknownAccessKey_isRejected() {
        WireRequest request = signer.sign(updateRecords(), AwsCredentials.of("AKIDUNKNOWN", SECRET), TIME).request();

        assertThat(verifier.verify(request))
                .isEqualTo(new Verification(Outcome.UNKNOWN_ACCESS_KEY, INVALID_TOKEN, "AKIDUNKNOWN"));
    }

    @Test
    void verify_wrongSecret_isSignatureMismatch() {
        WireRequest request = signer.sign(updateRecords(), AwsCredentials.of(ACCESS_KEY_ID, "wrongSecret"), TIME)
                .request();

        assertThat(verifier.verify(request))
                .isEqualTo(new Verification(Outcome.SIGNATURE_MISMATCH, MISMATCH, ACCESS_KEY_ID));
    }

    @Test
    void verify_tamperedBody_isSignatureMismatch() {
        WireRequest request = signed(updateRecords());
        WireRequest tampered = new WireRequest(request.method(), request.path(), request.query(), request.headers(),
                "{\"RecordPatches\":[],\"SyncSessionToken\":\"tok\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(verifier.verify(tampered).outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
    }

    @Test
    void verify_tamperedSignedHeader_isSignatureMismatch() {
        WireRequest tampered = replaceHeader(signed(updateRecords()), "Content-Type", "text/plain");

        assertThat(verifier.verify(tampered).outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
    }

    @Test
    void verify_changedUnsignedHeader_isStillOk() {
        WireRequest request = signed(updateRecords().withHeaders(List.of(new HttpHeader("User-Agent", "first"))));

        Verification verification = verifier.verify(replaceHeader(request, "User-Agent", "second")
                .withHeaders(List.of(new HttpHeader("amz-sdk-request", "attempt=2"))));

        assertThat(verification.ok()).isTrue();
    }

    @Test
    void verify_clockSkewUpToFifteenMinutes_isOk() {
        WireRequest request = signed(updateRecords());

        assertThat(verifierAt(TIME.plus(Duration.ofMinutes(15))).verify(request).ok()).isTrue();
        assertThat(verifierAt(TIME.minus(Duration.ofMinutes(15))).verify(request).ok()).isTrue();
    }

    @Test
    void verify_signedMoreThanFifteenMinutesAgo_isExpired() {
        Verification verification = verifierAt(TIME.plus(Duration.ofMinutes(15)).plusSeconds(1))
                .verify(signed(updateRecords()));

        assertThat(verification).isEqualTo(new Verification(Outcome.SIGNATURE_EXPIRED, "Signature expired: "
                + "20150830T123600Z is now earlier than 20150830T123601Z (20150830T125101Z - 15 min.)", ACCESS_KEY_ID));
    }

    @Test
    void verify_signedMoreThanFifteenMinutesAhead_isNotYetCurrent() {
        Verification verification = verifierAt(TIME.minus(Duration.ofMinutes(15)).minusSeconds(1))
                .verify(signed(updateRecords()));

        assertThat(verification).isEqualTo(new Verification(Outcome.SIGNATURE_EXPIRED, "Signature not yet current: "
                + "20150830T123600Z is still later than 20150830T123559Z (20150830T122059Z + 15 min.)", ACCESS_KEY_ID));
    }

    @Test
    void verify_expiredMessage_matchesTheAwsWording() {
        Verification verification = verifierAt(Instant.parse("2015-08-30T13:01:00Z")).verify(signed(updateRecords()));

        assertThat(verification.message()).isEqualTo("Signature expired: 20150830T123600Z is now earlier than "
                + "20150830T124600Z (20150830T130100Z - 15 min.)");
    }

    @Test
    void verify_wrongRegion_isRejected() {
        WireRequest request = SigV4Signer.create("us-west-2", "cognito-sync").sign(updateRecords(), CREDENTIALS, TIME)
                .request();

        assertThat(verifier.verify(request)).isEqualTo(new Verification(Outcome.WRONG_REGION,
                "Credential should be scoped to a valid region, not 'us-west-2'.", ACCESS_KEY_ID));
    }

    @Test
    void verify_wrongService_isRejected() {
        WireRequest request = SigV4Signer.create("us-east-1", "cognito-identity")
                .sign(updateRecords(), CREDENTIALS, TIME).request();

        assertThat(verifier.verify(request)).isEqualTo(new Verification(Outcome.WRONG_SERVICE,
                "Credential should be scoped to correct service: 'cognito-sync'.", ACCESS_KEY_ID));
    }

    @Test
    void verify_temporaryCredentials_requireTheirOwnToken() {
        WireRequest request = signer.sign(updateRecords(), TEMPORARY, TIME).request();

        assertThat(verifier.verify(request).ok()).isTrue();
        assertThat(verifier.verify(request.withoutHeader("X-Amz-Security-Token")))
                .isEqualTo(new Verification(Outcome.UNKNOWN_ACCESS_KEY, INVALID_TOKEN, TEMPORARY_KEY_ID));
        assertThat(verifier.verify(replaceHeader(request, "X-Amz-Security-Token", TOKEN + "x")).outcome())
                .isEqualTo(Outcome.UNKNOWN_ACCESS_KEY);
    }

    @Test
    void verify_tokenAddedAfterSigning_isOk() {
        SigV4Signer tokenAfter = signer.toBuilder().signSessionToken(false).build();

        WireRequest request = tokenAfter.sign(updateRecords(), TEMPORARY, TIME).request();

        assertThat(verifier.verify(request).ok()).isTrue();
    }

    @Test
    void verify_rawColonInThePath_isOkWhenTheClientSignedWhatItSent() {
        WireRequest rawColons = pathChanged(updateRecords(), PATH.replace("%3A", ":"));

        assertThat(verifier.verify(signed(rawColons)).ok()).isTrue();
    }

    @Test
    void verify_clientSignedRawColonButSentItEncoded_isSignatureMismatch() {
        // The client signed "/...us-east-1:..." (canonical %3A) and its HTTP layer then sent "%3A", which the
        // service canonicalises as %253A: the classic single-encoding bug.
        WireRequest signedRaw = signed(pathChanged(updateRecords(), PATH.replace("%3A", ":")));
        WireRequest sentEncoded = pathChanged(signedRaw, PATH);

        assertThat(verifier.verify(sentEncoded).outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
    }

    @Test
    void verify_messagesNeverContainSecretsOrTheExpectedSignature() {
        String expectedSignature = signer.sign(updateRecords(), TEMPORARY, TIME).signature();
        WireRequest wrongSecret = signer.sign(updateRecords(),
                AwsCredentials.of(TEMPORARY_KEY_ID, "wrongSecret", TOKEN), TIME).request();
        WireRequest noToken = signer.sign(updateRecords(), TEMPORARY, TIME).request()
                .withoutHeader("X-Amz-Security-Token");

        for (WireRequest request : List.of(wrongSecret, noToken)) {
            Verification verification = verifier.verify(request);
            assertThat(verification.ok()).isFalse();
            assertThat(verification.toString()).doesNotContain("temporarySecret").doesNotContain(TOKEN)
                    .doesNotContain(expectedSignature);
        }
    }

    @Test
    void builder_validatesItsArguments() {
        assertThatThrownBy(() -> SigV4Verifier.builder().region("us-east-1").service("cognito-sync").build())
                .isInstanceOf(NullPointerException.class).hasMessage("credentialsLookup");
        assertThatThrownBy(() -> SigV4Verifier.builder().maxClockSkew(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxClockSkew:");
        assertThat(verifier.toBuilder().maxClockSkew(Duration.ofMinutes(5)).build().maxClockSkew())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(verifier.maxClockSkew()).isEqualTo(Duration.ofMinutes(15));
    }

    private void assertMalformed(String authorization, String message) {
        Verification verification = verifier.verify(withAuthorization(signed(updateRecords()), authorization));

        assertThat(verification.outcome()).as(authorization).isEqualTo(Outcome.MALFORMED);
        assertThat(verification.message()).as(authorization).isEqualTo(message);
    }

    private WireRequest signed(WireRequest request) {
        return signer.sign(request, CREDENTIALS, TIME).request();
    }

    private static SigV4Verifier verifierAt(Instant now) {
        Map<String, AwsCredentials> known = Map.of(ACCESS_KEY_ID, CREDENTIALS, TEMPORARY_KEY_ID, TEMPORARY);
        return SigV4Verifier.builder()
                .region("us-east-1")
                .service("cognito-sync")
                .credentialsLookup(known::get)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
    }

    private static WireRequest updateRecords() {
        return new WireRequest("POST", PATH, "", List.of(
                new HttpHeader("Host", "cognito-sync.us-east-1.amazonaws.com"),
                new HttpHeader("Content-Type", "application/json")),
                ("{\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"highScore\",\"Value\":\"42\",\"SyncCount\":5}],"
                        + "\"SyncSessionToken\":\"tok\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static WireRequest withAuthorization(WireRequest request, String authorization) {
        return request.withoutHeader("Authorization")
                .withHeaders(List.of(new HttpHeader("Authorization", authorization)));
    }

    private static WireRequest replaceHeader(WireRequest request, String name, String value) {
        List<HttpHeader> headers = new ArrayList<>();
        for (HttpHeader header : request.headers()) {
            headers.add(header.name().equalsIgnoreCase(name) ? new HttpHeader(header.name(), value) : header);
        }
        return new WireRequest(request.method(), request.path(), request.query(), headers, request.body());
    }

    private static WireRequest pathChanged(WireRequest request, String path) {
        return new WireRequest(request.method(), path, request.query(), request.headers(), request.body());
    }
}
