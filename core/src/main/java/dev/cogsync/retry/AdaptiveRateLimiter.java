package dev.cogsync.retry;

/**
 * A client-side send rate that drops when the service throttles and recovers as requests succeed: the algorithm
 * of the AWS SDKs' "adaptive" retry mode (a token bucket whose fill rate follows CUBIC congestion control).
 *
 * <p>Until the first throttling response it only measures the rate of responses and never delays a request. The
 * first throttle turns it on: the fill rate becomes 0.7 times the lower of the measured rate and the current fill
 * rate, and each later success raises it along the cubic curve {@code 0.4 (t - K)^3 + lastMax}, where {@code t} is
 * the time since the last throttle and {@code K = cbrt(lastMax * 0.3 / 0.4)}, never above twice the measured rate.
 * The measured rate is smoothed over half-second windows. The constants are the SDKs' (Java v2
 * {@code RateLimiterTokenBucket}, botocore {@code adaptive.py}).
 *
 * <p>Two differences. A floor of {@value #MIN_FILL_RATE} requests a second <em>per sender</em> (each dataset that
 * shares the limiter and has work registers with {@link #addSender()}), where the SDKs have one floor for the
 * whole bucket: throttling that does not depend on the load (a 429 for most requests, whatever the rate) drives
 * any loss-based controller to its floor, and a floor per sender keeps every dataset making progress toward its
 * writes' deadlines, while a real quota above the floor is still found by the cubic curve. And, so that no thread
 * ever waits: {@link #reserve(long)} takes a token at once and returns how
 * long the caller must wait before sending, letting the bucket go into debt. Concurrent callers are therefore
 * spaced out in the order they reserved, without a queue of waiters.
 *
 * <p>Pure and thread-safe: time is passed in as {@link System#nanoTime()}-style nanoseconds, every method is
 * synchronized on this object, and nothing blocks.
 */
public final class AdaptiveRateLimiter {

    private static final double MIN_FILL_RATE = 0.5;
    private static final double MIN_CAPACITY = 1.0;
    private static final double SMOOTH = 0.8;
    private static final double BETA = 0.7;
    private static final double SCALE = 0.4;
    private static final double NANOS = 1e9;

    private final long originNanos;
    private volatile boolean enabled;
    private double fillRate;
    private double maxCapacity;
    private double capacity;
    private double lastRefill;
    private double measuredRate;
    private double lastRateBucket;
    private long requestCount;
    private double lastMaxRate;
    private double lastThrottle;
    private double window;
    private int senders;

    /**
     * Creates a limiter that does not limit yet.
     *
     * @param nowNanos the current time, in the clock's nanoseconds
     */
    public AdaptiveRateLimiter(long nowNanos) {
        this.originNanos = nowNanos;
    }

    /**
     * Takes a token for one request.
     *
     * @param nowNanos the current time
     * @return how many nanoseconds to wait before sending; 0 to send now
     */
    public long reserve(long nowNanos) {
        if (!enabled) {
            return 0;
        }
        synchronized (this) {
            refill(seconds(nowNanos));
            capacity -= 1;
            if (capacity >= 0) {
                return 0;
            }
            return (long) Math.ceil(-capacity / effectiveRate() * NANOS);
        }
    }

    /**
     * The service throttled a request: lower the rate.
     *
     * @param nowNanos the current time
     */
    public synchronized void onThrottle(long nowNanos) {
        double now = seconds(nowNanos);
        measure(now);
        double rate = enabled ? Math.min(measuredRate, fillRate) : measuredRate;
        lastMaxRate = rate;
        window = Math.cbrt(lastMaxRate * (1 - BETA) / SCALE);
        lastThrottle = now;
        enabled = true;
        setRate(now, Math.min(rate * BETA, 2 * measuredRate));
    }

    /**
     * A request succeeded: measure it, and raise the rate along the cubic curve.
     *
     * @param nowNanos the current time
     */
    public synchronized void onSuccess(long nowNanos) {
        double now = seconds(nowNanos);
        measure(now);
        if (!enabled) {
            return;
        }
        window = Math.cbrt(lastMaxRate * (1 - BETA) / SCALE);
        double cubic = SCALE * Math.pow(now - lastThrottle - window, 3) + lastMaxRate;
        setRate(now, Math.min(cubic, 2 * measuredRate));
    }

    /** A dataset with work starts sharing this limiter: the floor rises by {@value #MIN_FILL_RATE} a second. */
    public synchronized void addSender() {
        senders++;
    }

    /** A dataset that shared this limiter has no more work. */
    public synchronized void removeSender() {
        senders = Math.max(0, senders - 1);
    }

    /**
     * Whether a throttle has turned the limiter on.
     *
     * @return {@code true} once requests may be delayed
     */
    public boolean isLimiting() {
        return enabled;
    }

    /**
     * The current fill rate, in requests per second.
     *
     * @return the rate tokens are added at; 0 before the first throttle
     */
    public synchronized double rate() {
        return enabled ? effectiveRate() : 0;
    }

    /**
     * The measured rate of responses, smoothed.
     *
     * @return requests per second
     */
    public synchronized double measuredRate() {
        return measuredRate;
    }

    private double seconds(long nowNanos) {
        return (nowNanos - originNanos) / NANOS;
    }

    private void measure(double now) {
        requestCount++;
        double bucket = Math.floor(now * 2) / 2;
        if (bucket > lastRateBucket) {
            double current = requestCount / (bucket - lastRateBucket);
            measuredRate = current * SMOOTH + measuredRate * (1 - SMOOTH);
            requestCount = 0;
            lastRateBucket = bucket;
        }
    }

    private double effectiveRate() {
        return Math.max(fillRate, MIN_FILL_RATE * senders);
    }

    private void refill(double now) {
        capacity = Math.min(Math.max(maxCapacity, MIN_CAPACITY), capacity + (now - lastRefill) * effectiveRate());
        lastRefill = now;
    }

    private void setRate(double now, double rate) {
        refill(now);
        fillRate = Math.max(rate, MIN_FILL_RATE);
        maxCapacity = Math.max(rate, MIN_CAPACITY);
        capacity = Math.min(capacity, maxCapacity);
    }
}
