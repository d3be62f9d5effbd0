package dev.cogsync.auth.internal;

import java.nio.charset.StandardCharsets;

/**
 * Computes the SigV4 canonical request, string to sign and signature for one region and service. The signer
 * and the verifier both go through here, so what one signs the other checks byte for byte. Thread-safe.
 */
public final class SigV4Calculator {

    /** The only algorithm SigV4 header signing uses. */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** Hex SHA-256 of zero bytes, the payload hash of every request without a body. */
    public static final String EMPTY_PAYLOAD_SHA256 =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final String region;
    private final String service;
    private final boolean normalizePath;
    private final String scopeSuffix;
    private final SigningKeyCache keyCache;

    /**
     * Creates a calculator.
     *
     * @param region the region of the credential scope
     * @param service the service of the credential scope
     * @param normalizePath whether to remove {@code .}, {@code ..} and empty segments from paths
     * @param keyCache where derived signing keys are kept
     */
    public SigV4Calculator(String region, String service, boolean normalizePath, SigningKeyCache keyCache) {
        this.region = region;
        this.service = service;
        this.normalizePath = normalizePath;
        this.scopeSuffix = "/" + region + "/" + service + "/aws4_request";
        this.keyCache = keyCache;
    }

    /**
     * The credential scope for a date.
     *
     * @param date the date, {@code yyyyMMdd}
     * @return {@code date/region/service/aws4_request}
     */
    public String credentialScope(String date) {
        return date + scopeSuffix;
    }

    /**
     * Hex SHA-256 of a body.
     *
     * @param body the body bytes
     * @return 64 lower-case hex digits
     */
    public String payloadHash(byte[] body) {
        if (body.length == 0) {
            return EMPTY_PAYLOAD_SHA256;
        }
        return Hex.encode(SigningScratch.current().sha256(body));
    }

    /**
     * Signs one request.
     *
     * @param method the HTTP method
     * @param path the path as on the wire
     * @param query the query as on the wire, including any presigning parameters that are signed
     * @param headers the signed headers
     * @param payloadHash the hex SHA-256 of the body
     * @param amzDate the signing time, {@code yyyyMMdd'T'HHmmss'Z'}
     * @param secretAccessKey the secret to derive the signing key from
     * @return the canonical request, string to sign and signature
     */
    public Result calculate(String method, String path, String query, CanonicalHeaders headers, String payloadHash,
            String amzDate, String secretAccessKey) {
        SigningScratch scratch = SigningScratch.current();
        String signedHeaders = headers.signedHeaders();
        int estimate = method.length() + 3 * path.length() + 2 * query.length() + headers.estimatedLength()
                + signedHeaders.length() + payloadHash.length() + 8;
        StringBuilder out = scratch.buffer(estimate);
        out.append(method).append('\n');
        CanonicalPath.append(out, path, normalizePath);
        out.append('\n');
        CanonicalQuery.append(out, query);
        out.append('\n');
        headers.appendTo(out);
        out.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        String canonicalRequest = out.toString();

        byte[] canonicalRequestHash = scratch.sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        String date = amzDate.substring(0, 8);
        out.setLength(0);
        out.append(ALGORITHM).append('\n').append(amzDate).append('\n').append(date).append(scopeSuffix).append('\n');
        Hex.appendTo(out, canonicalRequestHash);
        String stringToSign = out.toString();

        byte[] signingKey = keyCache.signingKey(secretAccessKey, date, region, service, scratch);
        byte[] signature = scratch.hmac(signingKey, stringToSign.getBytes(StandardCharsets.UTF_8));
        return new Result(canonicalRequest, stringToSign, signature);
    }

    /** The outcome of {@link #calculate}; not a record, so that the canonical request stays out of toString. */
    public static final class Result {
        private final String canonicalRequest;
        private final String stringToSign;
        private final byte[] signature;

        private Result(String canonicalRequest, String stringToSign, byte[] signature) {
            this.canonicalRequest = canonicalRequest;
            this.stringToSign = stringToSign;
            this.signature = signature;
        }

        /**
         * The canonical request; holds the session token when that is signed.
         *
         * @return the canonical request
         */
        public String canonicalRequest() {
            return canonicalRequest;
        }

        /**
         * The string to sign.
         *
         * @return the string to sign
         */
        public String stringToSign() {
            return stringToSign;
        }

        /**
         * The raw signature. The array is this result's own; callers must not change it.
         *
         * @return 32 bytes
         */
        public byte[] signature() {
            return signature;
        }

        /**
         * The signature as lower-case hex.
         *
         * @return 64 hex digits
         */
        public String signatureHex() {
            return Hex.encode(signature);
        }
    }
}
