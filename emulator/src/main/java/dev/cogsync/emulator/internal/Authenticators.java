package dev.cogsync.emulator.internal;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.SigV4Verifier;
import dev.cogsync.auth.Verification;
import dev.cogsync.emulator.EmulatorConfig;
import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.WireRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SigV4 verification with core's {@link SigV4Verifier}, answering as AWS does when it fails. */
final class Authenticators {

    /** The signing name of Cognito Sync. */
    static final String SERVICE = "cognito-sync";
    /** How far a request's {@code X-Amz-Date} may be from the emulator's clock, as at AWS. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private Authenticators() {
    }

    static RequestAuthenticator sigV4(EmulatorConfig config) {
        return sigV4(config, SERVICE, id -> null);
    }

    /**
     * SigV4 for one signing name: the developer credentials of the configuration, or credentials that
     * {@code issued} knows (Cognito Identity's, with their session token), unexpired.
     */
    static RequestAuthenticator sigV4(EmulatorConfig config, String service,
                                      java.util.function.Function<String, AwsCredentials> issued) {
        // The pair is long-term credentials: a session token in the configuration is not required of clients.
        AwsCredentials accepted = AwsCredentials.of(config.credentials().accessKeyId(),
                config.credentials().secretAccessKey());
        SigV4Verifier verifier = SigV4Verifier.builder()
                .region(config.region())
                .service(service)
                .credentialsLookup(id -> accepted.accessKeyId().equals(id) ? accepted : issued.apply(id))
                .maxClockSkew(MAX_CLOCK_SKEW)
                .clock(config.clock())
                .build();
        return request -> deny(verifier.verify(toWire(request)));
    }

    /** The access key id a request says it was signed with, from its {@code Authorization} header, or null. */
    static String accessKeyOf(ReceivedRequest request) {
        String authorization = request.headers().get("Authorization");
        if (authorization == null) {
            return null;
        }
        int start = authorization.indexOf("Credential=");
        if (start < 0) {
            return null;
        }
        int end = authorization.indexOf('/', start);
        return end < 0 ? null : authorization.substring(start + "Credential=".length(), end);
    }

    /** The request exactly as received, in core's form: raw path and query, every header in order, the body. */
    static WireRequest toWire(ReceivedRequest request) {
        List<HttpHeader> headers = new ArrayList<>(request.headers().size());
        for (Map.Entry<String, String> header : request.headers()) {
            headers.add(new HttpHeader(header.getKey(), header.getValue()));
        }
        return new WireRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    static ServiceError deny(Verification verification) {
        return switch (verification.outcome()) {
            case OK -> null;
            case MISSING_AUTHENTICATION ->
                    new ServiceError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
            case MALFORMED -> new ServiceError(403, "IncompleteSignatureException", verification.message());
            case UNKNOWN_ACCESS_KEY -> new ServiceError(403, "UnrecognizedClientException", verification.message());
            case SIGNATURE_EXPIRED, WRONG_REGION, WRONG_SERVICE, SIGNATURE_MISMATCH ->
                    new ServiceError(403, "InvalidSignatureException", verification.message());
        };
    }
}
