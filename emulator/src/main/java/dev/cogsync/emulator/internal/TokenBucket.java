package dev.cogsync.emulator.internal;

/**
 * One identity's token bucket. Pure arithmetic on a caller-supplied time; {@code synchronized} rather than a
 * {@code ReentrantLock}, whose contended parking BlockHound reports on an event loop. The critical section is a
 * few arithmetic operations.
 */
final class TokenBucket {

    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /**
     * Takes one token if there is one.
     *
     * @param nowNanos the current time; a time before the last one counts as no time passing
     * @return {@code true} when the request may proceed
     */
    synchronized boolean tryAcquire(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * ratePerNano);
            lastNanos = nowNanos;
        }
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }
}
