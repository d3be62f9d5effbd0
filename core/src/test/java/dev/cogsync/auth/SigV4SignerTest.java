package dev.cogsync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.WireRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SigV4SignerTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "FQoGZXIvYXdzEXAMPLEsessionTOKEN+/=";
    private static final AwsCredentials CREDENTIALS = AwsCredentials.of("AKIDEXAMPLE", SECRET);
    private static final AwsCredentials TEMPORARY = AwsCredentials.of("ASIAEXAMPLE", SECRET, TOKEN);
    private static final Instant TIME = Instant.parse("2015-08-30T12:36:00Z");
    /** The signature of the get-vanilla vector, for a request equal to {@link #vanilla()}. */
    private static final String VANILLA_SIGNATURE = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    private final SigV4Signer signer = SigV4Signer.create("us-east-1", "service");

    @Test
    void sign_appendsSigningHeadersInDocumentedOrder() {
        SigV4Signer payloadSigner = signer.toBuilder().signPayload(true).build();

        SignedRequest signed = payloadSigner.sign(post("/", "{}"), TEMPORARY, TIME);

        assertThat(names(signed.request())).containsExactly("Host", "Content-Type", "X-Amz-Date",
                "X-Amz-Security-Token", "x-amz-content-sha256", "Authorization");
        assertThat(signed.request().header("X-Amz-Date")).isEqualTo("20150830T123600Z");
        assertThat(signed.request().header("X-Amz-Security-Token")).isEqualTo(TOKEN);
        assertThat(signed.request().header("x-amz-content-sha256"))
                .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        assertThat(signed.authorization()).isEqualTo("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20150830/us-east-1/"
                + "service/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;"
                + "x-amz-security-token, Signature=" + signed.signature());
    }

    @Test
    void sign_replacesPreviousSigningHeadersInsteadOfDuplicating() {
        WireRequest alreadySigned = signer.sign(vanilla(), TEMPORARY, TIME.minusSeconds(3600)).request()
                .withHeaders(List.of(new HttpHeader("x-amz-content-sha256", "stale")));

        SignedRequest resigned = signer.sign(alreadySigned, TEMPORARY, TIME);

        assertThat(names(resigned.request()))
                .containsExactly("Host", "X-Amz-Date", "X-Amz-Security-Token", "Authorization");
        assertThat(resigned.request().header("X-Amz-Date")).isEqualTo("20150830T123600Z");
        assertThat(resigned.signature()).isEqualTo(signer.sign(vanilla(), TEMPORARY, TIME).signature());
    }

    @Test
    void sign_withSessionToken_signsTheToken() {
        SignedRequest signed = signer.sign(vanilla(), TEMPORARY, TIME);

        assertThat(signed.canonicalRequest()).contains("\nx-amz-security-token:" + TOKEN + "\n");
        assertThat(signed.authorization()).contains("SignedHeaders=host;x-amz-date;x-amz-security-token,");
    }

    @Test
    void sign_withSignSessionTokenOff_addsTheTokenUnsigned() {
        SigV4Signer tokenAfter = signer.toBuilder().signSessionToken(false).build();

        SignedRequest signed = tokenAfter.sign(vanilla(), AwsCredentials.of("AKIDEXAMPLE", SECRET, TOKEN), TIME);

        assertThat(signed.request().header("X-Amz-Security-Token")).isEqualTo(TOKEN);
        assertThat(signed.canonicalRequest()).doesNotContain("x-amz-security-token");
        assertThat(signed.authorization()).contains("SignedHeaders=host;x-amz-date,");
        assertThat(signed.signature()).isEqualTo(VANILLA_SIGNATURE);
    }

    @Test
    void sign_leavesOutHeadersTheSdksDoNotSign() {
        WireRequest request = vanilla().withHeaders(List.of(
                new HttpHeader("User-Agent", "cogsync/0.1"),
                new HttpHeader("Connection", "keep-alive"),
                new HttpHeader("Expect", "100-continue"),
                new HttpHeader("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793"),
                new HttpHeader("Transfer-Encoding", "chunked"),
                new HttpHeader("amz-sdk-invocation-id", "a08532fd-90a7-42c2-8458-1c11050b1c2e"),
                new HttpHeader("amz-sdk-request", "attempt=1")));

        SignedRequest signed = signer.sign(request, CREDENTIALS, TIME);

        assertThat(signed.authorization()).contains("SignedHeaders=host;x-amz-date,");
        assertThat(signed.signature()).isEqualTo(VANILLA_SIGNATURE);
        assertThat(signed.request().header("User-Agent")).isEqualTo("cogsync/0.1");
    }

    @Test
    void sign_signsContentLength() {
        SignedRequest signed = signer.sign(vanilla().withHeaders(List.of(new HttpHeader("Content-Length", "0"))),
                CREDENTIALS, TIME);

        assertThat(signed.authorization()).contains("SignedHeaders=content-length;host;x-amz-date,");
    }

    @Test
    void sign_encodesEachPathSegmentOnceMore() {
        assertThat(canonicalUri("/identitypools/us-east-1%3A23EC/datasets/game.settings"))
                .isEqualTo("/identitypools/us-east-1%253A23EC/datasets/game.settings");
        assertThat(canonicalUri("/identitypools/us-east-1:23EC")).isEqualTo("/identitypools/us-east-1%3A23EC");
        assertThat(canonicalUri("/a b/c+d/ሴ/😀")).isEqualTo("/a%20b/c%2Bd/%E1%88%B4/%F0%9F%98%80");
        assertThat(canonicalUri("")).isEqualTo("/");
    }

    @Test
    void sign_withNormalizePath_removesDotSegmentsAndRepeatedSlashes() {
        assertThat(canonicalUri("//a/./b/../c//")).isEqualTo("/a/c/");
        assertThat(canonicalUri("/a/b/..")).isEqualTo("/a/");
        assertThat(canonicalUri("/..")).isEqualTo("/");
    }

    @Test
    void sign_withNormalizePathOff_keepsThePathAsSent() {
        SigV4Signer unnormalized = signer.toBuilder().normalizePath(false).build();

        SignedRequest signed = unnormalized.sign(request("GET", "//a/./b/../c//", "", ""), CREDENTIALS, TIME);

        assertThat(signed.canonicalRequest().split("\n")[1]).isEqualTo("//a/./b/../c//");
    }

    @Test
    void sign_canonicalQuery_decodesThenReencodesAndSorts() {
        assertThat(canonicalQuery("b=2&a=1&a=0")).isEqualTo("a=0&a=1&b=2");
        assertThat(canonicalQuery("ሴ=x")).isEqualTo(canonicalQuery("%E1%88%B4=x")).isEqualTo("%E1%88%B4=x");
        assertThat(canonicalQuery("k=%e1%88%b4")).isEqualTo("k=%E1%88%B4");
        assertThat(canonicalQuery("k=%7E%41")).isEqualTo("k=~A");
        assertThat(canonicalQuery("k=a+b c")).isEqualTo("k=a%2Bb%20c");
        assertThat(canonicalQuery("flag&k=")).isEqualTo("flag=&k=");
        assertThat(canonicalQuery("k=100%&&x=%zz")).isEqualTo("k=100%25&x=%25zz");
        assertThat(canonicalQuery("k=v=w")).isEqualTo("k=v%3Dw");
    }

    @Test
    void sign_dropsFractionsOfASecond() {
        SignedRequest signed = signer.sign(vanilla(), CREDENTIALS, TIME.plusMillis(999));

        assertThat(signed.request().header("X-Amz-Date")).isEqualTo("20150830T123600Z");
        assertThat(signed.signature()).isEqualTo(VANILLA_SIGNATURE);
    }

    @Test
    void sign_sameCredentialsSameDay_derivesTheKeyOnce() {
        signer.sign(vanilla(), CREDENTIALS, TIME);
        SignedRequest later = signer.sign(vanilla(), CREDENTIALS, TIME.plusSeconds(3600));

        assertThat(signer.keyCache().derivations()).isEqualTo(1);
        assertThat(later.signature()).isEqualTo(referenceSignature(SECRET, "20150830", later.stringToSign()));
    }

    @Test
    void sign_acrossDays_usesEachDaysKey() {
        Instant nextDay = TIME.plus(Duration.ofDays(1));

        SignedRequest first = signer.sign(vanilla(), CREDENTIALS, TIME);
        SignedRequest second = signer.sign(vanilla(), CREDENTIALS, nextDay);
        SignedRequest firstAgain = signer.sign(vanilla(), CREDENTIALS, TIME);

        assertThat(first.signature()).isEqualTo(VANILLA_SIGNATURE).isEqualTo(firstAgain.signature());
        assertThat(second.signature()).isEqualTo(referenceSignature(SECRET, "20150831", second.stringToSign()))
                .isNotEqualTo(first.signature());
        assertThat(signer.keyCache().derivations()).isEqualTo(2);
    }

    @Test
    void keyCache_isBounded_andStillSignsCorrectlyAfterEviction() {
        int capacity = signer.keyCache().capacity();
        for (int i = 0; i <= capacity; i++) {
            signer.sign(vanilla(), AwsCredentials.of("AKIDEXAMPLE", SECRET + i), TIME);
        }

        SignedRequest evicted = signer.sign(vanilla(), AwsCredentials.of("AKIDEXAMPLE", SECRET + 0), TIME);

        assertThat(signer.keyCache().derivations()).isEqualTo(capacity + 2);
        assertThat(evicted.signature()).isEqualTo(referenceSignature(SECRET + 0, "20150830", evicted.stringToSign()));
    }

    @Test
    void sign_concurrently_givesTheSameSignaturesAsOneThread() throws Exception {
        List<AwsCredentials> credentials = List.of(CREDENTIALS, TEMPORARY, AwsCredentials.of("AKIDOTHER", "other"));
        List<Instant> times = List.of(TIME, TIME.plus(Duration.ofDays(1)), TIME.plus(Duration.ofDays(2)));
        SigV4Signer reference = SigV4Signer.create("us-east-1", "service");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            expected.add(reference.sign(vanilla(), credentials.get(i % 3), times.get(i / 3)).signature());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 500; round++) {
                        int i = round % 9;
                        String signature = signer.sign(vanilla(), credentials.get(i % 3), times.get(i / 3)).signature();
                        if (!signature.equals(expected.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sign_withoutHost_isRejectedWithoutRevealingSecrets() {
        WireRequest noHost = new WireRequest("GET", "/", "", List.of(), null);

        assertThatThrownBy(() -> signer.sign(noHost, TEMPORARY, TIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request")
                .hasMessageContaining("Host")
                .message().doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    @Test
    void sign_nullArguments_areRejectedNamingTheParameter() {
        assertThatThrownBy(() -> signer.sign(null, CREDENTIALS, TIME)).hasMessage("request");
        assertThatThrownBy(() -> signer.sign(vanilla(), null, TIME)).hasMessage("credentials");
        assertThatThrownBy(() -> signer.sign(vanilla(), CREDENTIALS, null)).hasMessage("signingTime");
        assertThatThrownBy(() -> signer.presign(vanilla(), CREDENTIALS, TIME, null)).hasMessage("expiresIn");
    }

    @Test
    void toString_neverShowsTheSecretOrTheToken() {
        SignedRequest signed = signer.sign(vanilla(), TEMPORARY, TIME);

        assertThat(List.of(signer.toString(), signed.toString(), TEMPORARY.toString(), signer.keyCache().toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(SECRET).doesNotContain(TOKEN));
        assertThat(signer).hasToString("SigV4Signer[region=us-east-1, service=service, normalizePath=true, "
                + "signPayload=false, signSessionToken=true]");
    }

    @Test
    void builder_rejectsValuesThatWouldBreakTheScope() {
        assertThatThrownBy(() -> SigV4Signer.create("us-east-1/x", "service"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("region:");
        assertThatThrownBy(() -> SigV4Signer.create("us-east-1", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("service:");
        assertThatThrownBy(() -> SigV4Signer.builder().region("us-east-1").build())
                .isInstanceOf(NullPointerException.class).hasMessage("service");
    }

    @Test
    void toBuilder_copiesTheConfigurationWithoutChangingTheOriginal() {
        SigV4Signer custom = SigV4Signer.builder().region("eu-west-1").service("cognito-sync")
                .normalizePath(false).signPayload(true).signSessionToken(false).build();

        SigV4Signer copy = custom.toBuilder().region("us-west-2").build();

        assertThat(copy.toString()).isEqualTo(custom.toString().replace("eu-west-1", "us-west-2"));
        assertThat(custom.region()).isEqualTo("eu-west-1");
    }

    @Test
    void presign_rejectsExpiryOutsideOneSecondToSevenDays() {
        for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(1500), Duration.ofDays(7).plusSeconds(1))) {
            assertThatThrownBy(() -> signer.presign(vanilla(), CREDENTIALS, TIME, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("expiresIn:");
        }
    }

    @Test
    void presign_ofAnAlreadyPresignedRequest_isRejected() {
        WireRequest presigned = signer.presign(vanilla(), CREDENTIALS, TIME, Duration.ofMinutes(5));

        assertThatThrownBy(() -> signer.presign(presigned, CREDENTIALS, TIME, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("request:");
    }

    @Test
    void presign_keepsHeadersAndPutsTheSignatureInTheQuery() {
        SignedRequest detailed = signer.presignDetailed(vanilla(), TEMPORARY, TIME, Duration.ofDays(7));

        WireRequest presigned = signer.presign(vanilla(), TEMPORARY, TIME, Duration.ofDays(7));

        assertThat(presigned).isEqualTo(detailed.request());
        assertThat(presigned.headers()).isEqualTo(vanilla().headers());
        assertThat(presigned.query()).startsWith("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLE%2F"
                + "20150830%2Fus-east-1%2Fservice%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host"
                + "&X-Amz-Expires=604800&X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLEsessionTOKEN%2B%2F%3D")
                .endsWith("&X-Amz-Signature=" + detailed.signature());
    }

    private String canonicalUri(String path) {
        return signer.sign(request("GET", path, "", ""), CREDENTIALS, TIME).canonicalRequest().split("\n")[1];
    }

    private String canonicalQuery(String query) {
        return signer.sign(request("GET", "/", query, ""), CREDENTIALS, TIME).canonicalRequest().split("\n")[2];
    }

    private static WireRequest vanilla() {
        return request("GET", "/", "", "");
    }

    private static WireRequest post(String path, String json) {
        return new WireRequest("POST", path, "", List.of(new HttpHeader("Host", "example.amazonaws.com"),
                new HttpHeader("Content-Type", "application/json")), json.getBytes(StandardCharsets.UTF_8));
    }

    private static WireRequest request(String method, String path, String query, String body) {
        return new WireRequest(method, path, query, List.of(new HttpHeader("Host", "example.amazonaws.com")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> names(WireRequest request) {
        return request.headers().stream().map(HttpHeader::name).toList();
    }

    /** SigV4's key derivation and final HMAC written out plainly, independent of the signer's cache. */
    static String referenceSignature(String secret, String date, String stringToSign) {
        try {
            byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
            for (String part : List.of(date, "us-east-1", "service", "aws4_request")) {
                key = hmac(key, part);
            }
            return HexFormat.of().formatHex(hmac(key, stringToSign));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
