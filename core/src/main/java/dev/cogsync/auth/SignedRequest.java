package dev.cogsync.auth;

import dev.cogsync.protocol.WireRequest;
import java.util.Objects;

/**
 * A request signed by {@link SigV4Signer}, with the intermediate values that produced the signature, for
 * logging at debug level and for comparing against another implementation.
 *
 * <p>{@link #canonicalRequest()} contains the session token when the token is signed; treat it like the
 * request's headers. {@link #toString()} shows neither.
 *
 * @param request the request to send: signed headers added, or for a presigned request the signing
 *     parameters appended to the query
 * @param canonicalRequest the SigV4 canonical request that was hashed
 * @param stringToSign the SigV4 string to sign
 * @param signature the signature, 64 lower-case hex digits
 */
public record SignedRequest(WireRequest request, String canonicalRequest, String stringToSign, String signature) {

    private static final int SIGNATURE_HEX_LENGTH = 64;

    /**
     * Requires every part, and a signature of 64 hex digits.
     *
     * @param request the request to send: signed headers added, or for a presigned request the signing parameters appended to the query
     * @param canonicalRequest the SigV4 canonical request that was hashed
     * @param stringToSign the SigV4 string to sign
     * @param signature the signature, 64 lower-case hex digits
     */
    public SignedRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(canonicalRequest, "canonicalRequest");
        Objects.requireNonNull(stringToSign, "stringToSign");
        Objects.requireNonNull(signature, "signature");
        if (signature.length() != SIGNATURE_HEX_LENGTH) {
            throw new IllegalArgumentException("signature: must be 64 hex digits, was " + signature.length()
                    + " characters");
        }
    }

    /**
     * The value of the request's {@code Authorization} header.
     *
     * @return the header value, or {@code null} for a presigned request, which carries the signature in its
     *     query string instead
     */
    public String authorization() {
        return request.header("Authorization");
    }

    /** Shows the request summary and the signature; never the canonical request, which may hold a token. */
    @Override
    public String toString() {
        return "SignedRequest[request=" + request + ", signature=" + signature + "]";
    }
}
