package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.emulator.FaultConfig;
import dev.cogsync.emulator.FaultKind;
import dev.cogsync.emulator.FaultScope;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws the faults of each request from a seeded sequence, changeable while the emulator runs. Thread-safe and
 * lock-free.
 *
 * <p>Reproducibility: the {@code n}-th request in scope gets its draws from SplitMix64 seeded with the emulator
 * seed and {@code n}, so the same seed and the same requests in the same order give the same faults, and
 * concurrent requests never share generator state. Each fault kind has its own draw, so changing one
 * probability does not shift the others. Requests outside the scope take no sequence number.
 */
final class FaultInjector {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final AtomicLong sequence = new AtomicLong();
    private volatile FaultConfig config;

    FaultInjector(long seed, FaultConfig config) {
        this.seed = seed;
        this.config = config;
    }

    FaultConfig config() {
        return config;
    }

    void configure(FaultConfig config) {
        this.config = config;
    }

    /** Restarts the sequence from the seed. */
    void reset() {
        sequence.set(0);
    }

    /**
     * Draws the faults for one request.
     *
     * @param operation the routed operation
     * @return the decision; {@link FaultDecision#NONE} when faults are off or the operation is out of scope
     */
    FaultDecision draw(ApiOperation operation) {
        FaultConfig current = config;
        if (!current.enabled()
                || current.scope() == FaultScope.UPDATE_RECORDS_ONLY && operation != ApiOperation.UPDATE_RECORDS) {
            return FaultDecision.NONE;
        }
        return decide(current, operation, seed, sequence.getAndIncrement());
    }

    /** The decision for the {@code n}-th request in scope: a pure function, unit-tested directly. */
    static FaultDecision decide(FaultConfig config, ApiOperation operation, long seed, long n) {
        long state = seed + (n + 1) * GOLDEN_GAMMA * 31;
        // One draw per kind, always taken in this order, whether or not the kind is enabled.
        double close = unit(state += GOLDEN_GAMMA);
        double internal = unit(state += GOLDEN_GAMMA);
        double unavailable = unit(state += GOLDEN_GAMMA);
        double latency = unit(state += GOLDEN_GAMMA);
        double jitter = unit(state += GOLDEN_GAMMA);
        double dropped = unit(state += GOLDEN_GAMMA);
        double throttled = unit(state + GOLDEN_GAMMA);

        FaultKind failure = null;
        if (close < config.connectionClosed()) {
            failure = FaultKind.CONNECTION_CLOSED;
        } else if (internal < config.internalError()) {
            failure = FaultKind.INTERNAL_ERROR;
        } else if (unavailable < config.serviceUnavailable()) {
            failure = FaultKind.SERVICE_UNAVAILABLE;
        } else if (throttled < config.throttled()) {
            failure = FaultKind.THROTTLED;
        }
        Duration delay = Duration.ZERO;
        if (latency < config.latency()) {
            long jitterNanos = (long) (jitter * config.latencyJitter().toNanos());
            delay = config.latencyFixed().plusNanos(jitterNanos);
        }
        boolean drop = failure == null && operation == ApiOperation.UPDATE_RECORDS
                && dropped < config.appliedThenDropped();
        if (failure == null && delay.isZero() && !drop) {
            return FaultDecision.NONE;
        }
        return new FaultDecision(failure, delay, drop);
    }

    /** SplitMix64's output function, as a double in [0, 1). */
    private static double unit(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
