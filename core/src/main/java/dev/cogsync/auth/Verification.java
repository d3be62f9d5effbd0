package dev.cogsync.auth;

import java.util.Objects;

/**
 * What {@link SigV4Verifier} decided about one request.
 *
 * <p>Messages are modelled on what AWS answers, so an emulator can send them back as is. They name what is
 * wrong (a region, a date) but never contain a secret, a session token or the expected signature.
 *
 * @param outcome the decision
 * @param message a human-readable explanation, for the response body and logs
 * @param accessKeyId the access key id the request claims, or {@code null} when none could be read
 */
public record Verification(Outcome outcome, String message, String accessKeyId) {

    /**
     * Requires the outcome and the message.
     *
     * @param outcome the decision
     * @param message a human-readable explanation, for the response body and logs
     * @param accessKeyId the access key id the request claims, or {@code null} when none could be read
     */
    public Verification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Whether the signature is valid and current.
     *
     * @return {@code true} when {@link #outcome()} is {@link Outcome#OK}
     */
    public boolean ok() {
        return outcome == Outcome.OK;
    }

    /** Why a request was accepted or rejected. */
    public enum Outcome {
        /** The signature matches, the scope is right and the time is within the allowed clock skew. */
        OK,
        /** The request has no {@code Authorization} header. */
        MISSING_AUTHENTICATION,
        /**
         * The {@code Authorization} or {@code X-Amz-Date} header cannot be used: unparsable, a part missing, an
         * algorithm other than {@code AWS4-HMAC-SHA256}, {@code host} not signed, or a scope date that differs
         * from the {@code X-Amz-Date} date.
         */
        MALFORMED,
        /**
         * The access key id is unknown, or its credentials have a session token that the request does not carry
         * in {@code X-Amz-Security-Token}.
         */
        UNKNOWN_ACCESS_KEY,
        /** The {@code X-Amz-Date} is further from the verifier's clock than the allowed skew, either way. */
        SIGNATURE_EXPIRED,
        /** The credential scope names another region. */
        WRONG_REGION,
        /** The credential scope names another service. */
        WRONG_SERVICE,
        /** The signature does not match the request: wrong secret, or the request changed after signing. */
        SIGNATURE_MISMATCH
    }
}
