package dev.cogsync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.WireRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the signer signs, the verifier accepts; and it notices a change to any signed part. */
class SigV4RoundTripTest {

    private static final AwsCredentials CREDENTIALS = AwsCredentials.of("AKIDEXAMPLE", "secret", "token");
    private static final Instant TIME = Instant.parse("2015-08-30T12:36:00Z");

    private final SigV4Signer signer = SigV4Signer.create("us-east-1", "cognito-sync");
    private final SigV4Verifier verifier = SigV4Verifier.builder()
            .region("us-east-1")
            .service("cognito-sync")
            .credentialsLookup(id -> id.equals("AKIDEXAMPLE") ? CREDENTIALS : null)
            .clock(Clock.fixed(TIME, ZoneOffset.UTC))
            .build();

    @Property(tries = 300)
    void signedRequests_verify(@ForAll("requests") WireRequest request) {
        WireRequest signed = signer.sign(request, CREDENTIALS, TIME).request();

        assertThat(verifier.verify(signed).outcome()).isEqualTo(Verification.Outcome.OK);
    }

    @Property(tries = 300)
    void changingTheBody_isNoticed(@ForAll("requests") WireRequest request, @ForAll byte extra) {
        WireRequest signed = signer.sign(request, CREDENTIALS, TIME).request();
        byte[] body = java.util.Arrays.copyOf(signed.body(), signed.body().length + 1);
        body[body.length - 1] = extra;

        WireRequest tampered = new WireRequest(signed.method(), signed.path(), signed.query(), signed.headers(), body);

        assertThat(verifier.verify(tampered).outcome()).isEqualTo(Verification.Outcome.SIGNATURE_MISMATCH);
    }

    @Provide
    Arbitrary<WireRequest> requests() {
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE");
        Arbitrary<String> path = Arbitraries.strings().ofMaxLength(30).map(p -> "/" + p);
        Arbitrary<String> query = Arbitraries.strings().ofMaxLength(30);
        Arbitrary<List<HttpHeader>> headers = Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().withCharRange(' ', '~').withChars('\t', 'é').ofMaxLength(20))
                .as((name, value) -> new HttpHeader("X-Test-" + name, value))
                .list().ofMaxSize(6)
                .map(list -> {
                    List<HttpHeader> all = new ArrayList<>(list);
                    all.add(new HttpHeader("Host", "cognito-sync.us-east-1.amazonaws.com"));
                    return all;
                });
        Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Combinators.combine(method, path, query, headers, body).as(WireRequest::new);
    }
}
