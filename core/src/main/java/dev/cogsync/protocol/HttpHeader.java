package dev.cogsync.protocol;

import java.util.Objects;

/**
 * One HTTP header as it goes over the wire. Names keep the case they were given; HTTP compares them
 * case-insensitively, and SigV4 lower-cases them when signing.
 *
 * @param name the header name
 * @param value the header value
 */
public record HttpHeader(String name, String value) {

    /**
     * Requires both parts.
     *
     * @param name the header name
     * @param value the header value
     */
    public HttpHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Whether the header carries a secret: a signature or a session token, whose value is never printed.
     *
     * @return {@code true} for {@code Authorization}, {@code X-Amz-Security-Token} and
     *     {@code X-aws-ec2-metadata-token}
     */
    public boolean isSensitive() {
        return name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("X-Amz-Security-Token")
                || name.equalsIgnoreCase("X-aws-ec2-metadata-token");
    }

    /** Shows the name, and the value unless it is {@linkplain #isSensitive() sensitive}. */
    @Override
    public String toString() {
        return name + ": " + (isSensitive() ? "****" : value);
    }
}
