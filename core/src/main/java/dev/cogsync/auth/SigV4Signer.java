package dev.cogsync.auth;

import dev.cogsync.auth.internal.AmzDate;
import dev.cogsync.auth.internal.CanonicalHeaders;
import dev.cogsync.auth.internal.CredentialScope;
import dev.cogsync.auth.internal.SigV4Calculator;
import dev.cogsync.auth.internal.SigningKeyCache;
import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.PercentEncoding;
import dev.cogsync.protocol.WireRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Signs requests with AWS Signature Version 4, the way the AWS SDKs sign requests to services other than S3.
 *
 * <p>Immutable and thread-safe: share one instance per region and service. Derived signing keys are cached
 * inside (a few entries, keyed by secret, date, region and service), so signing many requests with the same
 * credentials on the same day costs one key derivation. Signing does no I/O.
 *
 * <p>What is signed: the method; the path as on the wire, normalised unless {@link Builder#normalizePath
 * normalizePath} is off, with each segment percent-encoded once more ({@code %3A} is signed as {@code %253A});
 * the query, decoded, re-encoded and sorted; every header except {@code user-agent}, {@code connection},
 * {@code expect}, {@code x-amzn-trace-id}, {@code transfer-encoding}, {@code amz-sdk-invocation-id} and
 * {@code amz-sdk-request}, which the AWS SDKs leave out too; and the SHA-256 of the body.
 *
 * <p>Neither this class's {@code toString} nor any exception it throws contains a secret or a key.
 */
public final class SigV4Signer {

    private static final String X_AMZ_DATE = "X-Amz-Date";
    private static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";
    private static final String X_AMZ_CONTENT_SHA256 = "x-amz-content-sha256";
    private static final String AUTHORIZATION = "Authorization";
    private static final String HOST = "Host";

    /** One credential on one day is the common case; a few more slots cover rotation around midnight. */
    private static final int KEY_CACHE_CAPACITY = 4;
    private static final long MAX_PRESIGN_SECONDS = Duration.ofDays(7).toSeconds();

    private static final Predicate<String> SIGN_ALL = name -> !CanonicalHeaders.isIgnoredBySigners(name);
    private static final Predicate<String> SIGN_ALL_BUT_TOKEN =
            name -> !CanonicalHeaders.isIgnoredBySigners(name) && !name.equals("x-amz-security-token");

    private final String region;
    private final String service;
    private final boolean normalizePath;
    private final boolean signPayload;
    private final boolean signSessionToken;
    private final SigningKeyCache keyCache;
    private final SigV4Calculator calculator;

    private SigV4Signer(Builder builder) {
        this.region = Objects.requireNonNull(builder.region, "region");
        this.service = Objects.requireNonNull(builder.service, "service");
        this.normalizePath = builder.normalizePath;
        this.signPayload = builder.signPayload;
        this.signSessionToken = builder.signSessionToken;
        this.keyCache = new SigningKeyCache(KEY_CACHE_CAPACITY);
        this.calculator = new SigV4Calculator(region, service, normalizePath, keyCache);
    }

    /**
     * A signer with the defaults: paths normalised, no {@code x-amz-content-sha256} header, session token signed.
     *
     * @param region the region, e.g. {@code us-east-1}
     * @param service the signing name of the service, e.g. {@code cognito-sync}
     * @return the signer
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when an argument is empty or holds characters other than letters,
     *     digits, {@code -}, {@code _} and {@code .}
     */
    public static SigV4Signer create(String region, String service) {
        return builder().region(region).service(service).build();
    }

    /**
     * A builder with the defaults and no region or service.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this signer's configuration, to derive a changed copy.
     *
     * @return a new builder; changing it does not change this signer
     */
    public Builder toBuilder() {
        return new Builder()
                .region(region)
                .service(service)
                .normalizePath(normalizePath)
                .signPayload(signPayload)
                .signSessionToken(signSessionToken);
    }

    /**
     * Signs a request with an {@code Authorization} header.
     *
     * <p>The result is {@code request} without any {@code X-Amz-Date}, {@code Authorization},
     * {@code X-Amz-Security-Token} and {@code x-amz-content-sha256} headers it carried, and with these appended
     * in this order: {@code X-Amz-Date}; {@code X-Amz-Security-Token} when the credentials have a session
     * token; {@code x-amz-content-sha256} when {@link Builder#signPayload signPayload} is on;
     * {@code Authorization}.
     *
     * @param request the request as it will be sent, with its {@code Host} header
     * @param credentials the credentials to sign with
     * @param signingTime the signing time; fractions of a second are dropped
     * @return the signed request, with the canonical request, string to sign and signature
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when the request has no {@code Host} header, or the signing time's year
     *     is not between 0 and 9999
     */
    public SignedRequest sign(WireRequest request, AwsCredentials credentials, Instant signingTime) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(signingTime, "signingTime");
        String amzDate = AmzDate.format(signingTime);
        List<HttpHeader> headers = headersToKeep(request, 4);
        headers.add(new HttpHeader(X_AMZ_DATE, amzDate));
        String token = credentials.sessionToken();
        if (token != null) {
            headers.add(new HttpHeader(X_AMZ_SECURITY_TOKEN, token));
        }
        String payloadHash = calculator.payloadHash(request.body());
        if (signPayload) {
            headers.add(new HttpHeader(X_AMZ_CONTENT_SHA256, payloadHash));
        }
        CanonicalHeaders signedHeaders =
                CanonicalHeaders.select(headers, signSessionToken ? SIGN_ALL : SIGN_ALL_BUT_TOKEN);
        SigV4Calculator.Result result = calculator.calculate(request.method(), request.path(), request.query(),
                signedHeaders, payloadHash, amzDate, credentials.secretAccessKey());
        String signature = result.signatureHex();
        String authorization = SigV4Calculator.ALGORITHM + " Credential=" + credentials.accessKeyId() + '/'
                + calculator.credentialScope(amzDate.substring(0, 8)) + ", SignedHeaders="
                + signedHeaders.signedHeaders() + ", Signature=" + signature;
        headers.add(new HttpHeader(AUTHORIZATION, authorization));
        WireRequest signed = new WireRequest(request.method(), request.path(), request.query(), headers,
                request.body());
        return new SignedRequest(signed, result.canonicalRequest(), result.stringToSign(), signature);
    }

    /**
     * Presigns a request: the signature goes into the query string, so the request can be sent later, by
     * someone without the credentials, until it expires.
     *
     * @param request the request, with its {@code Host} header and without signing parameters in its query
     * @param credentials the credentials to sign with
     * @param signingTime the signing time; fractions of a second are dropped
     * @param expiresIn how long the request stays valid: whole seconds, from 1 second to 7 days
     * @return the presigned request
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when the request has no {@code Host} header or is already presigned, or
     *     {@code expiresIn} is out of range
     * @see #presignDetailed
     */
    public WireRequest presign(WireRequest request, AwsCredentials credentials, Instant signingTime,
            Duration expiresIn) {
        return presignDetailed(request, credentials, signingTime, expiresIn).request();
    }

    /**
     * Presigns a request, returning the canonical request and string to sign as well.
     *
     * <p>The query gets {@code X-Amz-Algorithm}, {@code X-Amz-Credential}, {@code X-Amz-Date},
     * {@code X-Amz-SignedHeaders}, {@code X-Amz-Expires}, {@code X-Amz-Security-Token} (with a session token)
     * and {@code X-Amz-Signature} appended in this order. Headers are signed as by {@link #sign}, except that no
     * header is added: {@code signPayload} does not apply, and the payload hash is the body's SHA-256. When
     * {@code signSessionToken} is off, the token parameter is appended but not signed.
     *
     * @param request the request, with its {@code Host} header and without signing parameters in its query
     * @param credentials the credentials to sign with
     * @param signingTime the signing time; fractions of a second are dropped
     * @param expiresIn how long the request stays valid: whole seconds, from 1 second to 7 days
     * @return the presigned request, whose {@link SignedRequest#authorization()} is {@code null}
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when the request has no {@code Host} header or is already presigned, or
     *     {@code expiresIn} is out of range
     */
    public SignedRequest presignDetailed(WireRequest request, AwsCredentials credentials, Instant signingTime,
            Duration expiresIn) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(signingTime, "signingTime");
        Objects.requireNonNull(expiresIn, "expiresIn");
        if (expiresIn.getNano() != 0 || expiresIn.getSeconds() < 1 || expiresIn.getSeconds() > MAX_PRESIGN_SECONDS) {
            throw new IllegalArgumentException("expiresIn: must be whole seconds from 1 to " + MAX_PRESIGN_SECONDS
                    + " (7 days), was " + expiresIn);
        }
        String originalQuery = request.query();
        if (originalQuery.contains("X-Amz-Signature=")) {
            throw new IllegalArgumentException("request: is already presigned; its query holds X-Amz-Signature");
        }
        String amzDate = AmzDate.format(signingTime);
        List<HttpHeader> headers = headersToKeep(request, 0);
        CanonicalHeaders signedHeaders = CanonicalHeaders.select(headers, SIGN_ALL);

        StringBuilder query = new StringBuilder(originalQuery.length() + 256);
        query.append(originalQuery);
        if (!originalQuery.isEmpty()) {
            query.append('&');
        }
        query.append("X-Amz-Algorithm=").append(SigV4Calculator.ALGORITHM).append("&X-Amz-Credential=");
        PercentEncoding.appendEncoded(query,
                credentials.accessKeyId() + '/' + calculator.credentialScope(amzDate.substring(0, 8)));
        query.append("&X-Amz-Date=").append(amzDate).append("&X-Amz-SignedHeaders=");
        PercentEncoding.appendEncoded(query, signedHeaders.signedHeaders());
        query.append("&X-Amz-Expires=").append(expiresIn.getSeconds());
        int unsignedFrom = query.length();
        String token = credentials.sessionToken();
        if (token != null) {
            query.append("&X-Amz-Security-Token=");
            PercentEncoding.appendEncoded(query, token);
            if (signSessionToken) {
                unsignedFrom = query.length();
            }
        }
        String signedQuery = query.substring(0, unsignedFrom);

        String payloadHash = calculator.payloadHash(request.body());
        SigV4Calculator.Result result = calculator.calculate(request.method(), request.path(), signedQuery,
                signedHeaders, payloadHash, amzDate, credentials.secretAccessKey());
        String signature = result.signatureHex();
        query.append("&X-Amz-Signature=").append(signature);
        WireRequest presigned = new WireRequest(request.method(), request.path(), query.toString(), headers,
                request.body());
        return new SignedRequest(presigned, result.canonicalRequest(), result.stringToSign(), signature);
    }

    /**
     * The region of the credential scope.
     *
     * @return the region
     */
    public String region() {
        return region;
    }

    /**
     * The service of the credential scope.
     *
     * @return the service signing name
     */
    public String service() {
        return service;
    }

    /**
     * Whether {@code .}, {@code ..} and empty path segments are removed before signing.
     *
     * @return {@code true} by default
     */
    public boolean normalizePath() {
        return normalizePath;
    }

    /**
     * Whether an {@code x-amz-content-sha256} header is added and signed.
     *
     * @return {@code false} by default
     */
    public boolean signPayload() {
        return signPayload;
    }

    /**
     * Whether the session token header is signed, rather than added after signing.
     *
     * @return {@code true} by default
     */
    public boolean signSessionToken() {
        return signSessionToken;
    }

    /** The key cache, for tests that check keys are derived once. */
    SigningKeyCache keyCache() {
        return keyCache;
    }

    /** Shows the configuration; the signer holds no credentials. */
    @Override
    public String toString() {
        return "SigV4Signer[region=" + region + ", service=" + service + ", normalizePath=" + normalizePath
                + ", signPayload=" + signPayload + ", signSessionToken=" + signSessionToken + "]";
    }

    /** The request's headers minus those the signer sets itself; requires {@code Host}. */
    private static List<HttpHeader> headersToKeep(WireRequest request, int extra) {
        List<HttpHeader> original = request.headers();
        List<HttpHeader> kept = new ArrayList<>(original.size() + extra);
        boolean hasHost = false;
        for (HttpHeader header : original) {
            String name = header.name();
            if (name.equalsIgnoreCase(X_AMZ_DATE) || name.equalsIgnoreCase(AUTHORIZATION)
                    || name.equalsIgnoreCase(X_AMZ_SECURITY_TOKEN) || name.equalsIgnoreCase(X_AMZ_CONTENT_SHA256)) {
                continue;
            }
            hasHost |= name.equalsIgnoreCase(HOST);
            kept.add(header);
        }
        if (!hasHost) {
            throw new IllegalArgumentException("request: must carry a Host header; add it before signing");
        }
        return kept;
    }

    /**
     * Configures a {@link SigV4Signer}. Not thread-safe; {@link #build()} may be called more than once.
     *
     * <p>Defaults: {@code normalizePath} on, {@code signPayload} off, {@code signSessionToken} on. Region and
     * service have no default.
     */
    public static final class Builder {
        private String region;
        private String service;
        private boolean normalizePath = true;
        private boolean signPayload;
        private boolean signSessionToken = true;

        private Builder() {
        }

        /**
         * Sets the region of the credential scope.
         *
         * @param region e.g. {@code us-east-1}: letters, digits, {@code -}, {@code _} and {@code .}
         * @return this builder
         * @throws NullPointerException when {@code region} is null
         * @throws IllegalArgumentException when {@code region} is empty or has other characters
         */
        public Builder region(String region) {
            this.region = CredentialScope.requireValidPart(region, "region");
            return this;
        }

        /**
         * Sets the service of the credential scope.
         *
         * @param service the signing name, e.g. {@code cognito-sync}: letters, digits, {@code -}, {@code _}
         *     and {@code .}
         * @return this builder
         * @throws NullPointerException when {@code service} is null
         * @throws IllegalArgumentException when {@code service} is empty or has other characters
         */
        public Builder service(String service) {
            this.service = CredentialScope.requireValidPart(service, "service");
            return this;
        }

        /**
         * Sets whether {@code .}, {@code ..} and empty segments are removed from the path before signing, as
         * every service but S3 expects.
         *
         * @param normalizePath {@code true} by default
         * @return this builder
         */
        public Builder normalizePath(boolean normalizePath) {
            this.normalizePath = normalizePath;
            return this;
        }

        /**
         * Sets whether an {@code x-amz-content-sha256} header with the body's hex SHA-256 is added and signed.
         *
         * @param signPayload {@code false} by default
         * @return this builder
         */
        public Builder signPayload(boolean signPayload) {
            this.signPayload = signPayload;
            return this;
        }

        /**
         * Sets whether the {@code X-Amz-Security-Token} of temporary credentials is signed; when off it is
         * added after signing, which a few services require.
         *
         * @param signSessionToken {@code true} by default
         * @return this builder
         */
        public Builder signSessionToken(boolean signSessionToken) {
            this.signSessionToken = signSessionToken;
            return this;
        }

        /**
         * Builds the signer.
         *
         * @return a new signer
         * @throws NullPointerException when the region or the service was not set
         */
        public SigV4Signer build() {
            return new SigV4Signer(this);
        }
    }
}
