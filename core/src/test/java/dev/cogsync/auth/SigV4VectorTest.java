package dev.cogsync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.WireRequest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every AWS SigV4 test vector copied into {@code src/test/resources/sigv4}: the aws-c-auth suite, the legacy
 * aws-sig-v4-test-suite and a real Cognito Sync request made with boto3. Expected files are compared byte for byte.
 */
class SigV4VectorTest {

    private static final int CURRENT_CASES = 38;
    private static final int LEGACY_CASES = 34;

    private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant TIME = Instant.parse("2015-08-30T12:36:00Z");

    /** Legacy cases whose token cannot be read from the .req file; see {@link #legacy()}. */
    private static final Map<String, String> LEGACY_TOKENS = Map.of(
            // The .req has no token header, but the .creq signs x-amz-security-token with this value.
            "get-vanilla-with-session-token/get-vanilla-with-session-token",
            "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267",
            // The token is added after signing (see the .sreq), so it must come from the credentials.
            "post-sts-token/post-sts-header-after/post-sts-header-after",
            "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfp"
                    + "SPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQ"
                    + "DYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+s"
                    + "cqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==");

    @TestFactory
    Stream<DynamicNode> current() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.walk(root())) {
            cases = files.filter(path -> path.getFileName().toString().equals("context.json"))
                    .map(Path::getParent)
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertThat(cases).as("aws-c-auth cases (folders with context.json)").hasSize(CURRENT_CASES);
        return cases.stream().map(folder -> dynamicContainer(root().relativize(folder).toString(), Stream.of(
                dynamicTest("header signing", () -> headerSigning(folder)),
                dynamicTest("presigning", () -> presigning(folder)),
                dynamicTest("verifier accepts the signed request", () -> verifierAccepts(folder)))));
    }

    private static void headerSigning(Path folder) throws IOException {
        VectorContext context = VectorContext.parse(Files.readAllBytes(folder.resolve("context.json")));
        WireRequest request = HttpMessages.parse(Files.readAllBytes(folder.resolve("request.txt")));

        SignedRequest signed = context.signer().sign(request, context.credentials(), context.timestamp());

        String expectedSignedRequest = read(folder.resolve("header-signed-request.txt"));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(signed.canonicalRequest()).isEqualTo(read(folder.resolve("header-canonical-request.txt")));
        softly.assertThat(signed.stringToSign()).isEqualTo(read(folder.resolve("header-string-to-sign.txt")));
        softly.assertThat(signed.signature()).isEqualTo(read(folder.resolve("header-signature.txt")));
        softly.assertThat("Authorization:" + signed.authorization())
                .isEqualTo(authorizationLine(expectedSignedRequest));
        softly.assertThat(HttpMessages.print(signed.request())).isEqualTo(withTokenAfterDate(expectedSignedRequest));
        softly.assertAll();
    }

    private static void presigning(Path folder) throws IOException {
        VectorContext context = VectorContext.parse(Files.readAllBytes(folder.resolve("context.json")));
        WireRequest request = HttpMessages.parse(Files.readAllBytes(folder.resolve("request.txt")));

        SignedRequest presigned = context.signer()
                .presignDetailed(request, context.credentials(), context.timestamp(), context.expiresIn());

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(presigned.canonicalRequest()).isEqualTo(read(folder.resolve("query-canonical-request.txt")));
        softly.assertThat(presigned.stringToSign()).isEqualTo(read(folder.resolve("query-string-to-sign.txt")));
        softly.assertThat(presigned.signature()).isEqualTo(read(folder.resolve("query-signature.txt")));
        softly.assertThat(HttpMessages.print(presigned.request()))
                .isEqualTo(read(folder.resolve("query-signed-request.txt")));
        softly.assertThat(presigned.authorization()).isNull();
        softly.assertAll();
    }

    /** Cross-checks the verifier against aws-c-auth's output rather than against our own signer. */
    private static void verifierAccepts(Path folder) throws IOException {
        VectorContext context = VectorContext.parse(Files.readAllBytes(folder.resolve("context.json")));
        WireRequest received = HttpMessages.parse(Files.readAllBytes(folder.resolve("header-signed-request.txt")));
        SigV4Verifier verifier = SigV4Verifier.builder()
                .region(context.region())
                .service(context.service())
                .credentialsLookup(id -> id.equals(ACCESS_KEY_ID) ? context.credentials() : null)
                .clock(Clock.fixed(context.timestamp(), ZoneOffset.UTC))
                .build();

        Verification verification = verifier.verify(received);

        // The verifier always normalises paths, as AWS does for every service but S3; unnormalised signatures over
        // dot segments or double slashes are rejected, and so they should be.
        boolean pathChangesWhenNormalised = !context.normalize()
                && (received.path().contains("//") || received.path().contains("/."));
        assertThat(verification.outcome()).isEqualTo(pathChangesWhenNormalised
                ? Verification.Outcome.SIGNATURE_MISMATCH : Verification.Outcome.OK);
    }

    @TestFactory
    Stream<DynamicTest> legacy() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.walk(root())) {
            cases = files.filter(path -> path.getFileName().toString().endsWith(".req")).sorted()
                    .collect(Collectors.toList());
        }
        assertThat(cases).as("legacy cases (.req files)").hasSize(LEGACY_CASES);
        return cases.stream().map(req -> {
            String name = root().relativize(req).toString().replaceFirst("\\.req$", "");
            return dynamicTest(name, () -> legacyCase(name, req));
        });
    }

    private static void legacyCase(String name, Path req) throws IOException {
        WireRequest request = HttpMessages.parse(Files.readAllBytes(req));
        // The signer replaces any X-Amz-Security-Token header with the credentials' token, so a token in the
        // .req (post-sts-header-before) must reach the signer through the credentials.
        String token = LEGACY_TOKENS.getOrDefault(name, request.header("X-Amz-Security-Token"));
        SigV4Signer signer = SigV4Signer.builder()
                .region("us-east-1")
                .service("service")
                .signSessionToken(!name.endsWith("post-sts-header-after"))
                .build();

        SignedRequest signed = signer.sign(request, AwsCredentials.of(ACCESS_KEY_ID, SECRET, token), TIME);

        String base = req.toString().replaceFirst("\\.req$", "");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(signed.canonicalRequest()).isEqualTo(read(Paths.get(base + ".creq")));
        softly.assertThat(signed.stringToSign()).isEqualTo(read(Paths.get(base + ".sts")));
        softly.assertThat(signed.authorization()).isEqualTo(read(Paths.get(base + ".authz")));
        softly.assertAll();
    }

    @Test
    void cognitoSync_boto3Request_signsLikeBoto3() throws IOException {
        Path folder = root().resolve("cognito-sync-update-records");
        WireRequest sent = HttpMessages.parse(Files.readAllBytes(folder.resolve("request.txt")));
        // boto3 signs only these two (and X-Amz-Date); it leaves out user-agent, amz-sdk-* and content-length.
        WireRequest toSign = new WireRequest(sent.method(), sent.path(), sent.query(), List.of(
                new HttpHeader("Content-Type", sent.header("Content-Type")),
                new HttpHeader("Host", sent.header("Host"))), sent.body());

        SignedRequest signed = SigV4Signer.create("us-east-1", "cognito-sync")
                .sign(toSign, AwsCredentials.of(ACCESS_KEY_ID, SECRET), TIME);

        assertThat(signed.canonicalRequest()).isEqualTo(read(folder.resolve("canonical-request.txt")));
        assertThat(signed.stringToSign()).isEqualTo(read(folder.resolve("string-to-sign.txt")));
        assertThat(signed.authorization()).isEqualTo(read(folder.resolve("authorization.txt")));
        assertThat(signed.authorization()).isEqualTo(sent.header("Authorization").trim());
    }

    @Test
    void cognitoSync_compactBody_matchesTheVariant() throws IOException {
        Path folder = root().resolve("cognito-sync-update-records");
        WireRequest sent = HttpMessages.parse(Files.readAllBytes(folder.resolve("request.txt")));
        byte[] compactBody = Files.readAllBytes(folder.resolve("compact-body.json"));
        WireRequest toSign = new WireRequest("POST", sent.path(), "", List.of(
                new HttpHeader("Content-Type", "application/json"),
                new HttpHeader("Host", "cognito-sync.us-east-1.amazonaws.com")), compactBody);

        SignedRequest signed = SigV4Signer.create("us-east-1", "cognito-sync")
                .sign(toSign, AwsCredentials.of(ACCESS_KEY_ID, SECRET), TIME);

        assertThat(signed.canonicalRequest() + "\n\n" + signed.stringToSign() + "\n\nAuthorization: "
                + signed.authorization() + "\n").isEqualTo(read(folder.resolve("compact-body-variant.txt")));
    }

    @Test
    void cognitoSync_boto3Request_verifiesAsReceived() throws IOException {
        WireRequest received = HttpMessages.parse(
                Files.readAllBytes(root().resolve("cognito-sync-update-records/request.txt")));
        SigV4Verifier verifier = SigV4Verifier.builder()
                .region("us-east-1")
                .service("cognito-sync")
                .credentialsLookup(id -> id.equals(ACCESS_KEY_ID) ? AwsCredentials.of(ACCESS_KEY_ID, SECRET) : null)
                .clock(Clock.fixed(TIME.plusSeconds(1), ZoneOffset.UTC))
                .build();

        assertThat(verifier.verify(received))
                .isEqualTo(new Verification(Verification.Outcome.OK, "Signature verified.", ACCESS_KEY_ID));
    }

    /**
     * aws-c-auth writes X-Amz-Security-Token before X-Amz-Date; SigV4Signer appends the date first, as its
     * contract says. Header order is not part of the signature, so only that one line moves.
     */
    private static String withTokenAfterDate(String signedRequest) {
        List<String> lines = new ArrayList<>(List.of(signedRequest.split("\n", -1)));
        int token = indexOfPrefix(lines, "X-Amz-Security-Token:");
        if (token < 0) {
            return signedRequest;
        }
        String tokenLine = lines.remove(token);
        lines.add(indexOfPrefix(lines, "X-Amz-Date:") + 1, tokenLine);
        return String.join("\n", lines);
    }

    private static String authorizationLine(String signedRequest) {
        return Stream.of(signedRequest.split("\n")).filter(line -> line.startsWith("Authorization:")).findFirst()
                .orElseThrow();
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Path root() {
        URL url = SigV4VectorTest.class.getClassLoader().getResource("sigv4");
        assertThat(url).as("sigv4 test vectors on the test classpath").isNotNull();
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
