package dev.cogsync.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How the emulator protects itself from slow, idle, oversized and too many clients. Immutable; {@link #DEFAULT}
 * holds the defaults.
 *
 * <ul>
 *   <li>A request's headers must arrive within {@code headerTimeout} of the connection opening, or of the previous
 *       response on a kept-alive connection (default 10 s); otherwise the connection gets 408 and is closed. This
 *       stops clients that send headers a byte at a time, which an idle timeout never does.</li>
 *   <li>Between two reads of a request body at most {@code readTimeout} may pass (default 10 s), and the whole body
 *       must arrive within {@code requestTimeout} (default 60 s).</li>
 *   <li>A kept-alive connection with no request for {@code idleTimeout} is closed (default 60 s, as an AWS load
 *       balancer's).</li>
 *   <li>At most {@code maxConnections} connections at once (default 1,024); one more is answered 503 and closed at
 *       once.</li>
 *   <li>A body, chunked or not, may have at most {@code maxBodyBytes} (default 16 MiB): it is counted while it
 *       arrives, and the request is answered 413 and its connection closed as soon as it goes past, before more is
 *       buffered. A connection therefore never holds more than that.</li>
 * </ul>
 *
 * @param headerTimeout the time a request's headers have to arrive
 * @param readTimeout the longest pause between two reads of a body
 * @param requestTimeout the time a whole body has to arrive
 * @param idleTimeout how long a kept-alive connection may wait for its next request
 * @param maxConnections the most connections open at once
 * @param maxBodyBytes the largest body accepted
 */
public record ConnectionLimits(Duration headerTimeout, Duration readTimeout, Duration requestTimeout,
                               Duration idleTimeout, int maxConnections, long maxBodyBytes) {

    /** The defaults. */
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(60), Duration.ofSeconds(60), 1024, 16L * 1024 * 1024);

    /**
     * Requires positive values.
     *
     * @param headerTimeout the time a request's headers have to arrive
     * @param readTimeout the longest pause between two reads of a body
     * @param requestTimeout the time a whole body has to arrive
     * @param idleTimeout how long a kept-alive connection may wait for its next request
     * @param maxConnections the most connections open at once
     * @param maxBodyBytes the largest body accepted
     */
    public ConnectionLimits {
        positive("headerTimeout", headerTimeout);
        positive("readTimeout", readTimeout);
        positive("requestTimeout", requestTimeout);
        positive("idleTimeout", idleTimeout);
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections: must be >= 1, was " + maxConnections);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes: must be >= 1, was " + maxBodyBytes);
        }
    }

    private static void positive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + ": must be positive, was " + value);
        }
    }

    /**
     * These limits with another header timeout.
     *
     * @param timeout the time headers have to arrive
     * @return the new limits
     */
    public ConnectionLimits withHeaderTimeout(Duration timeout) {
        return new ConnectionLimits(timeout, readTimeout, requestTimeout, idleTimeout, maxConnections, maxBodyBytes);
    }

    /**
     * These limits with another read timeout.
     *
     * @param timeout the longest pause between two reads of a body
     * @return the new limits
     */
    public ConnectionLimits withReadTimeout(Duration timeout) {
        return new ConnectionLimits(headerTimeout, timeout, requestTimeout, idleTimeout, maxConnections, maxBodyBytes);
    }

    /**
     * These limits with another idle timeout.
     *
     * @param timeout how long a kept-alive connection may wait
     * @return the new limits
     */
    public ConnectionLimits withIdleTimeout(Duration timeout) {
        return new ConnectionLimits(headerTimeout, readTimeout, requestTimeout, timeout, maxConnections, maxBodyBytes);
    }

    /**
     * These limits with another connection cap.
     *
     * @param max the most connections at once
     * @return the new limits
     */
    public ConnectionLimits withMaxConnections(int max) {
        return new ConnectionLimits(headerTimeout, readTimeout, requestTimeout, idleTimeout, max, maxBodyBytes);
    }

    /**
     * These limits with another body limit.
     *
     * @param max the largest body accepted
     * @return the new limits
     */
    public ConnectionLimits withMaxBodyBytes(long max) {
        return new ConnectionLimits(headerTimeout, readTimeout, requestTimeout, idleTimeout, maxConnections, max);
    }
}
