package dev.cogsync.retry;

import dev.cogsync.exception.CognitoSyncException;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to retry a failed call and how long to wait first: exponential backoff with full jitter, bounded
 * server hints, and the settings of the client-wide {@link RetryQuota}.
 *
 * <p>The defaults follow the AWS SDK "standard" retry mode:
 * <ul>
 *   <li>{@link #maxAttempts()} 3, counting the first attempt;</li>
 *   <li>{@link #transientBaseDelay()} 100 ms, {@link #throttlingBaseDelay()} 1 s;</li>
 *   <li>{@link #maxBackoff()} 20 s; {@link #maxRetryAfter()} follows {@code maxBackoff};</li>
 *   <li>quota: {@link #quotaCapacity()} 500 tokens, {@link #retryCost()} 5, {@link #timeoutRetryCost()} 10,
 *       {@link #noRetryIncrement()} 1, {@link #quotaEnabled()} true.</li>
 * </ul>
 * Sources: AWS SDK for Java v2, {@code software.amazon.awssdk.retries.DefaultRetryStrategy.Standard}
 * ({@code MAX_ATTEMPTS = 3}, {@code BASE_DELAY_V20 = 100 ms}, {@code THROTTLED_BASE_DELAY = 1 s},
 * {@code MAX_BACKOFF = 20 s}, {@code TOKEN_BUCKET_SIZE = 500}, {@code DEFAULT_EXCEPTION_TOKEN_COST_V20 = 5});
 * the timeout cost and the first-attempt refund, which the Java SDK does not have, come from botocore
 * {@code botocore/retries/standard.py}, {@code RetryQuotaChecker} ({@code _RETRY_COST = 5},
 * {@code _TIMEOUT_RETRY_REQUEST = 10}, {@code _NO_RETRY_INCREMENT = 1}); the AWS SDKs and Tools Reference
 * Guide, "Retry behavior", gives three attempts for standard mode. The opt-in "retries 2.1" constants of newer
 * SDKs (50 ms base delay, cost 14) are not used.
 *
 * <p>Errors are classified only through {@link CognitoSyncException#isThrottling()} and
 * {@link CognitoSyncException#isTransient()}; anything else (validation, authorization, not found, conflicts)
 * is never retried.
 *
 * <p>Instances are immutable and thread-safe. {@link #toBuilder()} returns a builder to make a changed copy.
 */
public final class RetryPolicy {

    // The one place the defaults live; the class Javadoc and the accessors repeat them for readers.
    private static final int DEFAULT_MAX_ATTEMPTS = 3;
    private static final Duration DEFAULT_TRANSIENT_BASE_DELAY = Duration.ofMillis(100);
    private static final Duration DEFAULT_THROTTLING_BASE_DELAY = Duration.ofSeconds(1);
    private static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);
    private static final int DEFAULT_QUOTA_CAPACITY = 500;
    private static final int DEFAULT_RETRY_COST = 5;
    private static final int DEFAULT_TIMEOUT_RETRY_COST = 10;
    private static final int DEFAULT_NO_RETRY_INCREMENT = 1;

    /** Keeps every delay exact in {@code long} nanoseconds; no sane retry waits longer. */
    static final Duration MAX_DURATION = Duration.ofDays(1);

    private static final RetryPolicy DEFAULTS = new Builder().build();
    private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration transientBaseDelay;
    private final Duration throttlingBaseDelay;
    private final Duration maxBackoff;
    private final Duration explicitMaxRetryAfter;
    private final boolean quotaEnabled;
    private final int quotaCapacity;
    private final int retryCost;
    private final int timeoutRetryCost;
    private final int noRetryIncrement;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.transientBaseDelay = builder.transientBaseDelay;
        this.throttlingBaseDelay = builder.throttlingBaseDelay;
        this.maxBackoff = builder.maxBackoff;
        this.explicitMaxRetryAfter = builder.maxRetryAfter;
        this.quotaEnabled = builder.quotaEnabled;
        this.quotaCapacity = builder.quotaCapacity;
        this.retryCost = builder.retryCost;
        this.timeoutRetryCost = builder.timeoutRetryCost;
        this.noRetryIncrement = builder.noRetryIncrement;
    }

    /**
     * The AWS SDK "standard" mode policy: 3 attempts, 100 ms / 1 s base delays, 20 s cap, a 500-token quota.
     *
     * @return the shared default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never retries: {@code maxAttempts} 1, every other setting at its default.
     *
     * @return the shared no-retry policy
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * A builder with every setting at its default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this policy's settings, to make a changed copy; this policy is unchanged.
     * A {@link #maxRetryAfter()} that was never set keeps following {@code maxBackoff} in the copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * How many attempts a call may make in total, counting the first one. Default 3; 1 means no retries.
     *
     * @return at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The base of the exponential backoff after a transient failure (5xx, connection reset, timeout).
     * Default 100 ms.
     *
     * @return the base delay, between 0 and 1 day
     */
    public Duration transientBaseDelay() {
        return transientBaseDelay;
    }

    /**
     * The base of the exponential backoff after a throttling error (HTTP 429). Default 1 s.
     *
     * @return the base delay, between 0 and 1 day
     */
    public Duration throttlingBaseDelay() {
        return throttlingBaseDelay;
    }

    /**
     * The cap on the computed backoff, before jitter. Default 20 s.
     *
     * @return the cap, between 0 and 1 day
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * The longest server hint ({@code x-amz-retry-after}, {@code Retry-After}) that is honoured; longer hints are
     * cut to this. Default: equal to {@link #maxBackoff()} (20 s), following it unless set explicitly.
     *
     * @return the bound, between 0 and 1 day
     */
    public Duration maxRetryAfter() {
        return explicitMaxRetryAfter != null ? explicitMaxRetryAfter : maxBackoff;
    }

    /**
     * Whether {@link #newQuota()} returns a real token bucket. Default {@code true}; when {@code false} it
     * returns {@link RetryQuota#unlimited()}.
     *
     * @return whether the retry quota is enforced
     */
    public boolean quotaEnabled() {
        return quotaEnabled;
    }

    /**
     * The size of the retry quota; it starts full. Default 500 tokens.
     *
     * @return at least 1
     */
    public int quotaCapacity() {
        return quotaCapacity;
    }

    /**
     * Tokens a retry takes from the quota after a failure that is not a timeout or transport failure.
     * Default 5, so a full default quota allows 100 such retries with no success in between.
     *
     * @return between 1 and {@link #quotaCapacity()}
     */
    public int retryCost() {
        return retryCost;
    }

    /**
     * Tokens a retry takes from the quota after a timeout or transport failure. Default 10.
     *
     * @return between 1 and {@link #quotaCapacity()}
     */
    public int timeoutRetryCost() {
        return timeoutRetryCost;
    }

    /**
     * Tokens a call that succeeds on its first attempt gives back to the quota. Default 1.
     *
     * @return at least 0
     */
    public int noRetryIncrement() {
        return noRetryIncrement;
    }

    /**
     * A new, full retry quota with this policy's settings. The client creates one and shares it between all
     * its calls; a quota belongs to one endpoint's failure history, so clients do not share them.
     *
     * @return a full quota, or {@link RetryQuota#unlimited()} when {@link #quotaEnabled()} is {@code false}
     */
    public RetryQuota newQuota() {
        return quotaEnabled
                ? new RetryQuota(quotaCapacity, retryCost, timeoutRetryCost, noRetryIncrement)
                : RetryQuota.unlimited();
    }

    /**
     * Whether a call that just failed with {@code error} may be attempted again.
     *
     * <p>True when the error is throttling or transient and fewer than {@link #maxAttempts()} attempts were
     * made. This does not consult the {@link RetryQuota}; the caller takes a token after this says yes.
     *
     * @param error the failure of the latest attempt
     * @param attemptsMade attempts made so far, counting the one that just failed; at least 1
     * @return {@code true} to retry
     * @throws IllegalArgumentException when {@code attemptsMade} is below 1
     */
    public boolean shouldRetry(CognitoSyncException error, int attemptsMade) {
        Objects.requireNonNull(error, "error");
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attemptsMade: must be >= 1, was " + attemptsMade);
        }
        return attemptsMade < maxAttempts && (error.isThrottling() || error.isTransient());
    }

    /**
     * The exponential backoff with full jitter before retry {@code retryNumber}:
     * {@code random * min(maxBackoff, base * 2^(retryNumber - 1))}, where {@code base} is
     * {@link #throttlingBaseDelay()} or {@link #transientBaseDelay()}.
     *
     * <p>The result is exact to the nanosecond (truncated), never negative and never above the cap; large retry
     * numbers do not overflow, they reach the cap.
     *
     * @param retryNumber 1 for the first retry (the second attempt), 2 for the next, and so on
     * @param throttling whether the failure was throttling, which selects the larger base delay
     * @param random the jitter factor, in {@code [0, 1)}; tests pass fixed values
     * @return the delay to wait before the retry
     * @throws IllegalArgumentException when {@code retryNumber < 1} or {@code random} is outside {@code [0, 1)}
     */
    public Duration backoff(int retryNumber, boolean throttling, double random) {
        if (retryNumber < 1) {
            throw new IllegalArgumentException("retryNumber: must be >= 1, was " + retryNumber);
        }
        if (!(random >= 0.0 && random < 1.0)) {
            throw new IllegalArgumentException("random: must be in [0, 1), was " + random);
        }
        long ceiling = ceilingNanos(retryNumber, throttling ? throttlingBaseDelay : transientBaseDelay);
        // Both factors are below 2^53 ns after validation, so the product is exact to well under a nanosecond.
        return Duration.ofNanos((long) (random * ceiling));
    }

    /**
     * The backoff of {@link #backoff(int, boolean, double)}, drawing the jitter from {@code random}.
     *
     * @param retryNumber 1 for the first retry
     * @param throttling whether the failure was throttling
     * @param random the source of jitter, for example {@code ThreadLocalRandom.current()}
     * @return the delay to wait before the retry
     */
    public Duration backoff(int retryNumber, boolean throttling, RandomGenerator random) {
        return backoff(retryNumber, throttling, random.nextDouble());
    }

    /**
     * The delay before retry {@code retryNumber} of a call that failed with {@code error}, honouring a server hint.
     *
     * <p>Without a hint this is {@link #backoff(int, boolean, double)} with the base delay chosen by
     * {@link CognitoSyncException#isThrottling()}. A hint is a floor, not a replacement: the result is
     * {@code max(clamp(hint, 0, maxRetryAfter), backoff)}. So the server can slow the client down but never
     * make it retry sooner than its own backoff, a negative hint counts as zero, and no hint makes the client
     * wait longer than {@link #maxRetryAfter()} (the result is at most {@code max(maxRetryAfter, maxBackoff)}).
     * The AWS SDK for Java v2 also takes the larger of the suggested delay and the backoff.
     *
     * @param retryNumber 1 for the first retry
     * @param error the failure of the latest attempt
     * @param retryAfterHint the server's hint, for example from {@link RetryAfter#parse}, or {@code null}
     * @param random the jitter factor, in {@code [0, 1)}
     * @return the delay to wait before the retry
     * @throws IllegalArgumentException when {@code retryNumber < 1} or {@code random} is outside {@code [0, 1)}
     */
    public Duration retryDelay(int retryNumber, CognitoSyncException error, Duration retryAfterHint, double random) {
        Objects.requireNonNull(error, "error");
        Duration backoff = backoff(retryNumber, error.isThrottling(), random);
        if (retryAfterHint == null) {
            return backoff;
        }
        Duration bound = maxRetryAfter();
        Duration hint = retryAfterHint.isNegative() ? Duration.ZERO
                : retryAfterHint.compareTo(bound) > 0 ? bound : retryAfterHint;
        return hint.compareTo(backoff) > 0 ? hint : backoff;
    }

    /**
     * The delay of {@link #retryDelay(int, CognitoSyncException, Duration, double)}, drawing the jitter from
     * {@code random}.
     *
     * @param retryNumber 1 for the first retry
     * @param error the failure of the latest attempt
     * @param retryAfterHint the server's hint, or {@code null}
     * @param random the source of jitter, for example {@code ThreadLocalRandom.current()}
     * @return the delay to wait before the retry
     */
    public Duration retryDelay(int retryNumber, CognitoSyncException error, Duration retryAfterHint,
            RandomGenerator random) {
        return retryDelay(retryNumber, error, retryAfterHint, random.nextDouble());
    }

    /** {@code min(cap, base * 2^(retryNumber - 1))} in nanoseconds, without ever forming an overflowing product. */
    private long ceilingNanos(int retryNumber, Duration base) {
        long capNanos = maxBackoff.toNanos();
        long baseNanos = base.toNanos();
        int shift = retryNumber - 1;
        if (baseNanos == 0) {
            return 0;
        }
        // base << shift <= cap exactly when base <= cap >> shift; a shift of 63 or more takes any non-zero base
        // past every long cap (and Java would reduce the shift modulo 64).
        if (shift >= Long.SIZE - 1 || baseNanos > (capNanos >> shift)) {
            return capNanos;
        }
        return baseNanos << shift;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryPolicy that
                && maxAttempts == that.maxAttempts
                && transientBaseDelay.equals(that.transientBaseDelay)
                && throttlingBaseDelay.equals(that.throttlingBaseDelay)
                && maxBackoff.equals(that.maxBackoff)
                && Objects.equals(explicitMaxRetryAfter, that.explicitMaxRetryAfter)
                && quotaEnabled == that.quotaEnabled
                && quotaCapacity == that.quotaCapacity
                && retryCost == that.retryCost
                && timeoutRetryCost == that.timeoutRetryCost
                && noRetryIncrement == that.noRetryIncrement;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, transientBaseDelay, throttlingBaseDelay, maxBackoff, explicitMaxRetryAfter,
                quotaEnabled, quotaCapacity, retryCost, timeoutRetryCost, noRetryIncrement);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", transientBaseDelay=" + transientBaseDelay
                + ", throttlingBaseDelay=" + throttlingBaseDelay + ", maxBackoff=" + maxBackoff
                + ", maxRetryAfter=" + maxRetryAfter() + ", quotaEnabled=" + quotaEnabled
                + ", quotaCapacity=" + quotaCapacity + ", retryCost=" + retryCost
                + ", timeoutRetryCost=" + timeoutRetryCost + ", noRetryIncrement=" + noRetryIncrement + "]";
    }

    /**
     * Builds a {@link RetryPolicy}. Each setter checks its own range at once; {@link #build()} checks the rules
     * that span settings. Not thread-safe; every unset setting keeps the default documented on the accessor.
     */
    public static final class Builder {

        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration transientBaseDelay = DEFAULT_TRANSIENT_BASE_DELAY;
        private Duration throttlingBaseDelay = DEFAULT_THROTTLING_BASE_DELAY;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration maxRetryAfter;
        private boolean quotaEnabled = true;
        private int quotaCapacity = DEFAULT_QUOTA_CAPACITY;
        private int retryCost = DEFAULT_RETRY_COST;
        private int timeoutRetryCost = DEFAULT_TIMEOUT_RETRY_COST;
        private int noRetryIncrement = DEFAULT_NO_RETRY_INCREMENT;

        private Builder() {
        }

        private Builder(RetryPolicy policy) {
            this.maxAttempts = policy.maxAttempts;
            this.transientBaseDelay = policy.transientBaseDelay;
            this.throttlingBaseDelay = policy.throttlingBaseDelay;
            this.maxBackoff = policy.maxBackoff;
            this.maxRetryAfter = policy.explicitMaxRetryAfter;
            this.quotaEnabled = policy.quotaEnabled;
            this.quotaCapacity = policy.quotaCapacity;
            this.retryCost = policy.retryCost;
            this.timeoutRetryCost = policy.timeoutRetryCost;
            this.noRetryIncrement = policy.noRetryIncrement;
        }

        /**
         * Sets the total attempts per call, counting the first. Default 3.
         *
         * @param maxAttempts at least 1; 1 disables retries
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts: must be >= 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the backoff base after transient failures. Default 100 ms.
         *
         * @param transientBaseDelay between 0 and 1 day
         * @return this builder
         * @throws IllegalArgumentException when negative or longer than 1 day
         */
        public Builder transientBaseDelay(Duration transientBaseDelay) {
            this.transientBaseDelay = checkDuration(transientBaseDelay, "transientBaseDelay");
            return this;
        }

        /**
         * Sets the backoff base after throttling errors. Default 1 s.
         *
         * @param throttlingBaseDelay between 0 and 1 day
         * @return this builder
         * @throws IllegalArgumentException when negative or longer than 1 day
         */
        public Builder throttlingBaseDelay(Duration throttlingBaseDelay) {
            this.throttlingBaseDelay = checkDuration(throttlingBaseDelay, "throttlingBaseDelay");
            return this;
        }

        /**
         * Sets the cap on the computed backoff. Default 20 s.
         *
         * @param maxBackoff between 0 and 1 day
         * @return this builder
         * @throws IllegalArgumentException when negative or longer than 1 day
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = checkDuration(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * Sets the longest server hint that is honoured. Default: follows {@code maxBackoff}.
         *
         * @param maxRetryAfter between 0 and 1 day, or {@code null} to follow {@code maxBackoff} again
         * @return this builder
         * @throws IllegalArgumentException when negative or longer than 1 day
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter == null ? null : checkDuration(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * Sets whether the retry quota is enforced. Default {@code true}. Turning it off removes the protection
         * against retry storms when an endpoint is down; meant for tests and emulators.
         *
         * @param quotaEnabled {@code false} to make {@link RetryPolicy#newQuota()} unlimited
         * @return this builder
         */
        public Builder quotaEnabled(boolean quotaEnabled) {
            this.quotaEnabled = quotaEnabled;
            return this;
        }

        /**
         * Sets the size of the retry quota. Default 500.
         *
         * @param quotaCapacity at least 1, and at least both retry costs
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder quotaCapacity(int quotaCapacity) {
            if (quotaCapacity < 1) {
                throw new IllegalArgumentException("quotaCapacity: must be >= 1, was " + quotaCapacity);
            }
            this.quotaCapacity = quotaCapacity;
            return this;
        }

        /**
         * Sets the tokens a retry takes after a failure that is not a timeout. Default 5.
         *
         * @param retryCost at least 1 and at most {@code quotaCapacity}
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder retryCost(int retryCost) {
            if (retryCost < 1) {
                throw new IllegalArgumentException("retryCost: must be >= 1, was " + retryCost);
            }
            this.retryCost = retryCost;
            return this;
        }

        /**
         * Sets the tokens a retry takes after a timeout or transport failure. Default 10.
         *
         * @param timeoutRetryCost at least 1 and at most {@code quotaCapacity}
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder timeoutRetryCost(int timeoutRetryCost) {
            if (timeoutRetryCost < 1) {
                throw new IllegalArgumentException("timeoutRetryCost: must be >= 1, was " + timeoutRetryCost);
            }
            this.timeoutRetryCost = timeoutRetryCost;
            return this;
        }

        /**
         * Sets the tokens a first-attempt success gives back. Default 1.
         *
         * @param noRetryIncrement at least 0
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder noRetryIncrement(int noRetryIncrement) {
            if (noRetryIncrement < 0) {
                throw new IllegalArgumentException("noRetryIncrement: must be >= 0, was " + noRetryIncrement);
            }
            this.noRetryIncrement = noRetryIncrement;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException when a retry cost exceeds {@code quotaCapacity}, which would make
         *     every retry fail to get a token
         */
        public RetryPolicy build() {
            if (retryCost > quotaCapacity) {
                throw new IllegalArgumentException("retryCost: must be <= quotaCapacity (" + quotaCapacity
                        + "), was " + retryCost);
            }
            if (timeoutRetryCost > quotaCapacity) {
                throw new IllegalArgumentException("timeoutRetryCost: must be <= quotaCapacity (" + quotaCapacity
                        + "), was " + timeoutRetryCost);
            }
            return new RetryPolicy(this);
        }

        private static Duration checkDuration(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException(name + ": must be between 0 and 1 day (PT24H), was " + value);
            }
            return value;
        }
    }
}
