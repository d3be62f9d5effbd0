package dev.cogsync.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * An AWS access key pair, with a session token for temporary credentials.
 *
 * <p>{@link #toString()} shows the access key id only; the secret key and the session token are never
 * printed, logged or put into exception messages.
 *
 * @param accessKeyId the access key id, not blank
 * @param secretAccessKey the secret access key, not blank
 * @param sessionToken the session token of temporary credentials, or {@code null}
 * @param expiration when temporary credentials stop working, or {@code null} when they do not expire
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {

    /**
     * Validates the parts; the messages name the field, never the value.
     *
     * @param accessKeyId the access key id, not blank
     * @param secretAccessKey the secret access key, not blank
     * @param sessionToken the session token of temporary credentials, or {@code null}
     * @param expiration when temporary credentials stop working, or {@code null} when they do not expire
     */
    public AwsCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isBlank()) {
            throw new IllegalArgumentException("accessKeyId: must not be blank");
        }
        if (secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("secretAccessKey: must not be blank");
        }
        if (sessionToken != null && sessionToken.isBlank()) {
            sessionToken = null;
        }
    }

    /**
     * Credentials that do not expire.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @param sessionToken the session token, or {@code null}
     */
    public AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        this(accessKeyId, secretAccessKey, sessionToken, null);
    }

    /**
     * Temporary credentials that expire.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @param sessionToken the session token, or {@code null}
     * @param expiration when they stop working
     * @return the credentials
     */
    public static AwsCredentials expiring(String accessKeyId, String secretAccessKey, String sessionToken,
                                          Instant expiration) {
        return new AwsCredentials(accessKeyId, secretAccessKey, sessionToken,
                Objects.requireNonNull(expiration, "expiration"));
    }

    /**
     * Whether these credentials have expired, or will within {@code margin}.
     *
     * @param now the current time
     * @param margin how early to count them as expired
     * @return {@code false} for credentials that do not expire
     */
    public boolean expiresWithin(Instant now, java.time.Duration margin) {
        return expiration != null && !now.plus(margin).isBefore(expiration);
    }

    /**
     * Long-term credentials, without a session token.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @return the credentials
     */
    public static AwsCredentials of(String accessKeyId, String secretAccessKey) {
        return new AwsCredentials(accessKeyId, secretAccessKey, null);
    }

    /**
     * Temporary credentials with a session token.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @param sessionToken the session token, or {@code null}
     * @return the credentials
     */
    public static AwsCredentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new AwsCredentials(accessKeyId, secretAccessKey, sessionToken);
    }

    /**
     * Whether these are temporary credentials.
     *
     * @return {@code true} when a session token is present
     */
    public boolean hasSessionToken() {
        return sessionToken != null;
    }

    /** Shows the access key id and whether a session token is present; never the secret or the token. */
    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****"
                + (sessionToken == null ? "" : ", sessionToken=****")
                + (expiration == null ? "" : ", expiration=" + expiration) + "]";
    }
}
