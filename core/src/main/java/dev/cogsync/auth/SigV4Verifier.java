package dev.cogsync.auth;

import dev.cogsync.auth.Verification.Outcome;
import dev.cogsync.auth.internal.AmzDate;
import dev.cogsync.auth.internal.AuthorizationHeader;
import dev.cogsync.auth.internal.CanonicalHeaders;
import dev.cogsync.auth.internal.CredentialScope;
import dev.cogsync.auth.internal.SigV4Calculator;
import dev.cogsync.auth.internal.SigningKeyCache;
import dev.cogsync.protocol.WireRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks the SigV4 {@code Authorization} header of received requests, as an AWS service does; the project's
 * Cognito Sync emulator uses it.
 *
 * <p>Immutable, thread-safe and pure: no I/O beyond what the credentials lookup does. It computes the
 * signature with the same code as {@link SigV4Signer}, over only the headers named in {@code SignedHeaders},
 * with their values as received, and the path normalised as for every service but S3. Signatures are
 * compared in constant time. Query-string (presigned) authentication is not accepted.
 *
 * <p>Checks run in this order, and the first failure is the result: {@code Authorization} present; header
 * well-formed; {@code X-Amz-Date} present, well-formed and on the scope's date; region; service; clock skew;
 * access key known; session token; signature.
 */
public final class SigV4Verifier {

    private static final String MISSING_AUTHENTICATION = "Missing Authentication Token";
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
            + "documentation for details.";
    private static final String VERIFIED = "Signature verified.";
    private static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    /** An emulator sees a few identities at a time; more slots than the signer's, still bounded. */
    private static final int KEY_CACHE_CAPACITY = 8;

    private final String region;
    private final String service;
    private final Function<String, AwsCredentials> credentialsLookup;
    private final Duration maxClockSkew;
    private final Clock clock;
    private final SigV4Calculator calculator;

    private SigV4Verifier(Builder builder) {
        this.region = Objects.requireNonNull(builder.region, "region");
        this.service = Objects.requireNonNull(builder.service, "service");
        this.credentialsLookup = Objects.requireNonNull(builder.credentialsLookup, "credentialsLookup");
        this.maxClockSkew = builder.maxClockSkew;
        this.clock = builder.clock;
        this.calculator = new SigV4Calculator(region, service, true, new SigningKeyCache(KEY_CACHE_CAPACITY));
    }

    /**
     * A builder with the defaults: 15 minutes of clock skew, the UTC system clock, and no region, service or
     * credentials lookup.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this verifier's configuration, to derive a changed copy.
     *
     * @return a new builder; changing it does not change this verifier
     */
    public Builder toBuilder() {
        return new Builder()
                .region(region)
                .service(service)
                .credentialsLookup(credentialsLookup)
                .maxClockSkew(maxClockSkew)
                .clock(clock);
    }

    /**
     * Verifies a request's signature.
     *
     * @param request the request exactly as received: method, raw path and query, all headers, body
     * @return the outcome; never {@code null}
     * @throws NullPointerException when {@code request} is null
     * @throws RuntimeException whatever the credentials lookup throws, unchanged
     */
    public Verification verify(WireRequest request) {
        Objects.requireNonNull(request, "request");
        String authorization = request.header("Authorization");
        if (authorization == null) {
            return new Verification(Outcome.MISSING_AUTHENTICATION, MISSING_AUTHENTICATION, null);
        }
        AuthorizationHeader parsed = AuthorizationHeader.parse(authorization);
        if (parsed.problem() != null) {
            return new Verification(Outcome.MALFORMED, parsed.problem(), null);
        }
        String accessKeyId = parsed.accessKeyId();
        if (!parsed.signedHeaders().contains("host")) {
            return malformed("Authorization header is malformed; SignedHeaders must include 'host'.", accessKeyId);
        }
        String amzDate = request.header("X-Amz-Date");
        if (amzDate == null) {
            return malformed("Authorization header requires existence of an 'X-Amz-Date' header.", accessKeyId);
        }
        amzDate = amzDate.trim();
        Instant requestTime = AmzDate.parse(amzDate);
        if (requestTime == null) {
            return malformed("X-Amz-Date must be in the ISO 8601 basic format yyyyMMdd'T'HHmmss'Z'.", accessKeyId);
        }
        if (!amzDate.startsWith(parsed.date()) || parsed.date().length() != 8) {
            return malformed("Date in Credential scope does not match YYYYMMDD from X-Amz-Date: '"
                    + parsed.date() + "' != '" + amzDate.substring(0, 8) + "'.", accessKeyId);
        }
        if (!parsed.region().equals(region)) {
            return new Verification(Outcome.WRONG_REGION,
                    "Credential should be scoped to a valid region, not '" + parsed.region() + "'.", accessKeyId);
        }
        if (!parsed.service().equals(service)) {
            return new Verification(Outcome.WRONG_SERVICE,
                    "Credential should be scoped to correct service: '" + service + "'.", accessKeyId);
        }
        Verification skew = checkClockSkew(requestTime, amzDate, accessKeyId);
        if (skew != null) {
            return skew;
        }
        AwsCredentials credentials = credentialsLookup.apply(accessKeyId);
        if (credentials == null || !carriesToken(request, credentials)) {
            return new Verification(Outcome.UNKNOWN_ACCESS_KEY, INVALID_TOKEN, accessKeyId);
        }
        return checkSignature(request, parsed, amzDate, credentials);
    }

    private Verification checkSignature(WireRequest request, AuthorizationHeader parsed, String amzDate,
            AwsCredentials credentials) {
        List<String> signedNames = parsed.signedHeaders();
        CanonicalHeaders signedHeaders = CanonicalHeaders.select(request.headers(), signedNames::contains);
        for (String name : signedNames) {
            if (!signedHeaders.contains(name)) {
                return malformed("Authorization header is malformed; SignedHeaders names '" + name
                        + "', which the request does not carry.", parsed.accessKeyId());
            }
        }
        SigV4Calculator.Result expected = calculator.calculate(request.method(), request.path(), request.query(),
                signedHeaders, calculator.payloadHash(request.body()), amzDate, credentials.secretAccessKey());
        if (!MessageDigest.isEqual(expected.signature(), parsed.signature())) {
            return new Verification(Outcome.SIGNATURE_MISMATCH, SIGNATURE_MISMATCH, parsed.accessKeyId());
        }
        return new Verification(Outcome.OK, VERIFIED, parsed.accessKeyId());
    }

    private Verification checkClockSkew(Instant requestTime, String amzDate, String accessKeyId) {
        Instant now = clock.instant();
        Instant earliest = now.minus(maxClockSkew);
        if (requestTime.isBefore(earliest)) {
            return new Verification(Outcome.SIGNATURE_EXPIRED, "Signature expired: " + amzDate
                    + " is now earlier than " + AmzDate.format(earliest) + " (" + AmzDate.format(now) + " - "
                    + describe(maxClockSkew) + ")", accessKeyId);
        }
        Instant latest = now.plus(maxClockSkew);
        if (requestTime.isAfter(latest)) {
            return new Verification(Outcome.SIGNATURE_EXPIRED, "Signature not yet current: " + amzDate
                    + " is still later than " + AmzDate.format(latest) + " (" + AmzDate.format(now) + " + "
                    + describe(maxClockSkew) + ")", accessKeyId);
        }
        return null;
    }

    /** Temporary credentials are only valid with their own token; compared in constant time. */
    private static boolean carriesToken(WireRequest request, AwsCredentials credentials) {
        String expected = credentials.sessionToken();
        if (expected == null) {
            return true;
        }
        String received = request.header("X-Amz-Security-Token");
        return received != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                received.trim().getBytes(StandardCharsets.UTF_8));
    }

    private static Verification malformed(String message, String accessKeyId) {
        return new Verification(Outcome.MALFORMED, message, accessKeyId);
    }

    private static String describe(Duration skew) {
        long seconds = skew.getSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min." : seconds + " sec.";
    }

    /**
     * The region requests must be scoped to.
     *
     * @return the region
     */
    public String region() {
        return region;
    }

    /**
     * The service requests must be scoped to.
     *
     * @return the service signing name
     */
    public String service() {
        return service;
    }

    /**
     * How far {@code X-Amz-Date} may be from the clock, either way.
     *
     * @return 15 minutes by default
     */
    public Duration maxClockSkew() {
        return maxClockSkew;
    }

    /** Shows the configuration; never credentials. */
    @Override
    public String toString() {
        return "SigV4Verifier[region=" + region + ", service=" + service + ", maxClockSkew=" + maxClockSkew
                + ", clock=" + clock + "]";
    }

    /**
     * Configures a {@link SigV4Verifier}. Not thread-safe; {@link #build()} may be called more than once.
     *
     * <p>Defaults: {@code maxClockSkew} 15 minutes, {@code clock} {@link Clock#systemUTC()}. Region, service
     * and credentials lookup have no default.
     */
    public static final class Builder {
        private String region;
        private String service;
        private Function<String, AwsCredentials> credentialsLookup;
        private Duration maxClockSkew = DEFAULT_MAX_CLOCK_SKEW;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the region requests must be scoped to.
         *
         * @param region e.g. {@code us-east-1}
         * @return this builder
         * @throws NullPointerException when {@code region} is null
         * @throws IllegalArgumentException when {@code region} is empty or holds characters other than letters,
         *     digits, {@code -}, {@code _} and {@code .}
         */
        public Builder region(String region) {
            this.region = CredentialScope.requireValidPart(region, "region");
            return this;
        }

        /**
         * Sets the service requests must be scoped to.
         *
         * @param service the signing name, e.g. {@code cognito-sync}
         * @return this builder
         * @throws NullPointerException when {@code service} is null
         * @throws IllegalArgumentException when {@code service} is empty or holds characters other than
         *     letters, digits, {@code -}, {@code _} and {@code .}
         */
        public Builder service(String service) {
            this.service = CredentialScope.requireValidPart(service, "service");
            return this;
        }

        /**
         * Sets how credentials are found. It is called once per request that gets that far, from the verifying
         * thread, so it should be fast and must be thread-safe.
         *
         * @param credentialsLookup maps an access key id to its credentials, or to {@code null} when unknown
         * @return this builder
         * @throws NullPointerException when {@code credentialsLookup} is null
         */
        public Builder credentialsLookup(Function<String, AwsCredentials> credentialsLookup) {
            this.credentialsLookup = Objects.requireNonNull(credentialsLookup, "credentialsLookup");
            return this;
        }

        /**
         * Sets how far {@code X-Amz-Date} may be from the clock, either way; exactly this far is accepted.
         *
         * @param maxClockSkew 15 minutes by default; not negative
         * @return this builder
         * @throws NullPointerException when {@code maxClockSkew} is null
         * @throws IllegalArgumentException when {@code maxClockSkew} is negative
         */
        public Builder maxClockSkew(Duration maxClockSkew) {
            Objects.requireNonNull(maxClockSkew, "maxClockSkew");
            if (maxClockSkew.isNegative()) {
                throw new IllegalArgumentException("maxClockSkew: must not be negative, was " + maxClockSkew);
            }
            this.maxClockSkew = maxClockSkew;
            return this;
        }

        /**
         * Sets the clock that request times are compared with.
         *
         * @param clock {@link Clock#systemUTC()} by default
         * @return this builder
         * @throws NullPointerException when {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return a new verifier
         * @throws NullPointerException when the region, the service or the credentials lookup was not set
         */
        public SigV4Verifier build() {
            return new SigV4Verifier(this);
        }
    }
}
