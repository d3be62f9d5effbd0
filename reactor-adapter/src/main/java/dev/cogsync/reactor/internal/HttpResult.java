package dev.cogsync.reactor.internal;

import java.util.Objects;
import java.util.function.Function;

/**
 * A complete HTTP response: status, headers and the whole body, already copied off the network buffers so
 * nothing reference-counted outlives the exchange.
 *
 * @param status the HTTP status code
 * @param headers looks a header up by name, case-insensitively; {@code null} when absent
 * @param body the body bytes, empty when there was none
 */
public record HttpResult(int status, Function<String, String> headers, byte[] body) {

    /** Requires every part. */
    public HttpResult {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /**
     * Looks a header up.
     *
     * @param name the header name, any case
     * @return the first value, or {@code null}
     */
    public String header(String name) {
        return headers.apply(name);
    }

    /**
     * Whether the status is 2xx.
     *
     * @return {@code true} for success
     */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
