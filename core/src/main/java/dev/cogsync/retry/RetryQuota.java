package dev.cogsync.retry;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client-wide token bucket that stops retries when most calls are failing, so that a dead endpoint does not
 * turn every call into {@code maxAttempts} requests.
 *
 * <p>It works like the AWS SDK "standard" retry mode's retry quota. The bucket starts full
 * ({@link RetryPolicy#quotaCapacity()}, default 500 tokens). Every retry must first take
 * {@link RetryPolicy#retryCost()} tokens (default 5), or {@link RetryPolicy#timeoutRetryCost()} (default 10)
 * after a timeout or transport failure. When the bucket cannot pay, the call fails instead of retrying.
 * Successes refill it: a call that succeeded on its first attempt gives back
 * {@link RetryPolicy#noRetryIncrement()} (default 1), and a call that succeeded after retries gives back the
 * tokens of its last retry, as the AWS SDKs do (Java v2 {@code BaseRetryStrategy}, botocore
 * {@code RetryQuotaChecker}): the earlier retries of a call that needed several stay spent, so a flaky endpoint
 * still drains the bucket. The bucket never holds more than its capacity. With the defaults, 100 retries with no
 * success in between empty it.
 *
 * <p>How the client uses it, per call:
 * <pre>{@code
 * int lastAcquired = 0;
 * for (int attempt = 1; ; attempt++) {
 *     try {
 *         Response response = send();
 *         quota.releaseAfterSuccess(lastAcquired); // +1 when no retry was made
 *         return response;
 *     } catch (CognitoSyncException e) {
 *         if (!policy.shouldRetry(e, attempt)) throw e;
 *         int tokens = quota.tryAcquire(isTimeoutOrTransport(e));
 *         if (tokens == 0) throw e;                // quota exhausted: do not retry
 *         lastAcquired = tokens;
 *         sleep(policy.retryDelay(attempt, e, hint, ThreadLocalRandom.current()));
 *     }
 * }
 * }</pre>
 * A call that finally fails gives nothing back.
 *
 * <p>Thread-safe and lock-free: the token count is one {@link AtomicInteger} updated by compare-and-set.
 * Create one per client with {@link RetryPolicy#newQuota()}.
 */
public final class RetryQuota {

    private static final RetryQuota UNLIMITED = new RetryQuota(
            RetryPolicy.defaults().retryCost(), RetryPolicy.defaults().timeoutRetryCost());

    private final boolean unlimited;
    private final int capacity;
    private final int retryCost;
    private final int timeoutRetryCost;
    private final int noRetryIncrement;
    private final AtomicInteger tokens;

    /** A full bucket; {@link RetryPolicy.Builder} has validated every setting. */
    RetryQuota(int capacity, int retryCost, int timeoutRetryCost, int noRetryIncrement) {
        this.unlimited = false;
        this.capacity = capacity;
        this.retryCost = retryCost;
        this.timeoutRetryCost = timeoutRetryCost;
        this.noRetryIncrement = noRetryIncrement;
        this.tokens = new AtomicInteger(capacity);
    }

    /** The unlimited quota still reports the nominal costs, so callers can tell "granted" from "refused". */
    private RetryQuota(int retryCost, int timeoutRetryCost) {
        this.unlimited = true;
        this.capacity = Integer.MAX_VALUE;
        this.retryCost = retryCost;
        this.timeoutRetryCost = timeoutRetryCost;
        this.noRetryIncrement = 0;
        this.tokens = new AtomicInteger(Integer.MAX_VALUE);
    }

    /**
     * A quota that never refuses a retry and never changes: {@link #tryAcquire(boolean)} always grants the
     * default cost (5, or 10 after a timeout), {@link #releaseAfterSuccess(int)} does nothing, and
     * {@link #available()} and {@link #capacity()} are {@link Integer#MAX_VALUE}. This is what
     * {@link RetryPolicy#newQuota()} returns when the quota is disabled.
     *
     * @return the shared unlimited quota
     */
    public static RetryQuota unlimited() {
        return UNLIMITED;
    }

    /**
     * Takes the tokens for one retry, or refuses when the bucket holds fewer than the cost. Refusing takes
     * nothing.
     *
     * @param timeoutOrTransport whether the failure being retried was a timeout or a transport failure, which
     *     costs {@link RetryPolicy#timeoutRetryCost()} instead of {@link RetryPolicy#retryCost()}
     * @return the tokens taken, always at least 1; 0 when refused, and then the call must not be retried
     */
    public int tryAcquire(boolean timeoutOrTransport) {
        int cost = timeoutOrTransport ? timeoutRetryCost : retryCost;
        if (unlimited) {
            return cost;
        }
        while (true) {
            int current = tokens.get();
            if (current < cost) {
                return 0;
            }
            if (tokens.compareAndSet(current, current - cost)) {
                return cost;
            }
        }
    }

    /**
     * Refills the bucket when a call succeeds, once per call.
     *
     * <p>Pass the result of this call's last successful {@link #tryAcquire(boolean)}: those tokens come back, as
     * in the AWS SDKs. A call that made no retry passes 0 and gives back {@link RetryPolicy#noRetryIncrement()}
     * instead. The bucket stops at its capacity; anything above is dropped.
     *
     * @param acquiredByCall the tokens this call's last retry took; 0 when it succeeded on its first attempt
     * @throws IllegalArgumentException when {@code acquiredByCall} is negative
     */
    public void releaseAfterSuccess(int acquiredByCall) {
        if (acquiredByCall < 0) {
            throw new IllegalArgumentException("acquiredByCall: must be >= 0, was " + acquiredByCall);
        }
        int refund = acquiredByCall == 0 ? noRetryIncrement : acquiredByCall;
        if (unlimited || refund == 0) {
            return;
        }
        while (true) {
            int current = tokens.get();
            // Compared by subtraction so that a huge refund cannot overflow past the capacity.
            int next = refund >= capacity - current ? capacity : current + refund;
            if (current == next || tokens.compareAndSet(current, next)) {
                return;
            }
        }
    }

    /**
     * The tokens in the bucket now; a snapshot that other threads may change at once. For tests and metrics.
     *
     * @return between 0 and {@link #capacity()}
     */
    public int available() {
        return tokens.get();
    }

    /**
     * The most tokens the bucket holds; it starts with this many.
     *
     * @return the capacity; {@link Integer#MAX_VALUE} for {@link #unlimited()}
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Whether this quota never refuses.
     *
     * @return {@code true} for {@link #unlimited()}
     */
    public boolean isUnlimited() {
        return unlimited;
    }

    /** Shows the fill level, for logs and metrics. */
    @Override
    public String toString() {
        return unlimited ? "RetryQuota[unlimited]" : "RetryQuota[" + tokens.get() + "/" + capacity + "]";
    }
}
