package dev.cogsync.emulator;

/**
 * A token-bucket rate limit per identity: each identity may make {@code burst} requests at once, refilled at
 * {@code ratePerSecond}. Requests over the limit get 429 {@code TooManyRequestsException} ("Rate exceeded") and
 * change nothing. Immutable; {@link #OFF} (the default) never throttles.
 *
 * @param ratePerSecond requests per second refilled into each bucket; 0 turns throttling off
 * @param burst the bucket's capacity, at least 1 when throttling is on
 */
public record ThrottleConfig(double ratePerSecond, int burst) {

    /** No rate limit. */
    public static final ThrottleConfig OFF = new ThrottleConfig(0, 0);

    /**
     * Validates the values.
     *
     * @param ratePerSecond requests per second refilled into each bucket; 0 turns throttling off
     * @param burst the bucket's capacity, at least 1 when throttling is on
     */
    public ThrottleConfig {
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond: must be finite and >= 0, was " + ratePerSecond);
        }
        if (burst < 0) {
            throw new IllegalArgumentException("burst: must be >= 0, was " + burst);
        }
        if (ratePerSecond > 0 && burst < 1) {
            throw new IllegalArgumentException("burst: must be >= 1 when throttling is on, was " + burst);
        }
    }

    /**
     * A rate limit.
     *
     * @param ratePerSecond requests per second per identity, {@code > 0}
     * @param burst the bucket's capacity, {@code >= 1}
     * @return the configuration
     */
    public static ThrottleConfig of(double ratePerSecond, int burst) {
        return new ThrottleConfig(ratePerSecond, burst);
    }

    /**
     * Whether requests are rate-limited.
     *
     * @return {@code true} when the rate is positive
     */
    public boolean enabled() {
        return ratePerSecond > 0;
    }
}
