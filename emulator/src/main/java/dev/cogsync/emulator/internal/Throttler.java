package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.ThrottleConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** The per-identity rate limit, changeable while the emulator runs. Thread-safe. */
final class Throttler {

    private final Clock clock;
    private volatile State state;

    Throttler(Clock clock, ThrottleConfig config) {
        this.clock = clock;
        this.state = new State(config);
    }

    ThrottleConfig config() {
        return state.config;
    }

    /** Applies a new rate limit; every identity starts again with a full bucket. */
    void configure(ThrottleConfig config) {
        state = new State(config);
    }

    /** Refills every bucket. */
    void reset() {
        configure(state.config);
    }

    /**
     * Takes a token from an identity's bucket.
     *
     * @param identity the pool and identity
     * @return {@code true} when the request may proceed
     */
    boolean tryAcquire(String identity) {
        State current = state;
        if (!current.config.enabled()) {
            return true;
        }
        long now = nanos(clock.instant());
        TokenBucket bucket = current.buckets.get(identity);
        if (bucket == null) {
            bucket = current.buckets.computeIfAbsent(identity, k -> new TokenBucket(
                    current.config.ratePerSecond(), current.config.burst(), now));
        }
        return bucket.tryAcquire(now);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** A configuration with its own buckets, swapped as a whole so a change never mixes rates. */
    private static final class State {
        final ThrottleConfig config;
        final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

        State(ThrottleConfig config) {
            this.config = config;
        }
    }
}
