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

    /** Requires both parts. */
    public HttpHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
