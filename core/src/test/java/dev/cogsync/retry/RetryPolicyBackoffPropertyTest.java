package dev.cogsync.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryPolicyBackoffPropertyTest {

    private static final long DAY_NANOS = 86_400_000_000_000L;

    @Property
    void backoff_withDefaults_isBetweenZeroAndTheCappedExponential(
            @ForAll @IntRange(min = 1) int retryNumber,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double random,
            @ForAll boolean throttling) {
        RetryPolicy policy = RetryPolicy.defaults();
        Duration base = throttling ? policy.throttlingBaseDelay() : policy.transientBaseDelay();

        Duration delay = policy.backoff(retryNumber, throttling, random);

        assertThat(delay).isBetween(Duration.ZERO, ceiling(policy.maxBackoff(), base, retryNumber));
    }

    @Property
    void backoff_withAnySettings_isBetweenZeroAndTheCappedExponential(
            @ForAll("retryNumbers") int retryNumber,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double random,
            @ForAll @LongRange(min = 0, max = DAY_NANOS) long baseNanos,
            @ForAll @LongRange(min = 0, max = DAY_NANOS) long capNanos) {
        RetryPolicy policy = RetryPolicy.builder()
                .transientBaseDelay(Duration.ofNanos(baseNanos))
                .maxBackoff(Duration.ofNanos(capNanos))
                .build();

        Duration delay = policy.backoff(retryNumber, false, random);

        assertThat(delay).isBetween(Duration.ZERO,
                ceiling(Duration.ofNanos(capNanos), Duration.ofNanos(baseNanos), retryNumber));
    }

    @Property
    void backoff_growsWithTheJitterFactor(
            @ForAll("retryNumbers") int retryNumber,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double a,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double b,
            @ForAll boolean throttling) {
        RetryPolicy policy = RetryPolicy.defaults();
        double low = Math.min(a, b);
        double high = Math.max(a, b);

        assertThat(policy.backoff(retryNumber, throttling, low))
                .isLessThanOrEqualTo(policy.backoff(retryNumber, throttling, high));
    }

    @Property
    void backoff_neverShrinksAsRetriesGoOn(
            @ForAll @IntRange(min = 1, max = 100) int retryNumber,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double random,
            @ForAll boolean throttling) {
        RetryPolicy policy = RetryPolicy.defaults();

        assertThat(policy.backoff(retryNumber, throttling, random))
                .isLessThanOrEqualTo(policy.backoff(retryNumber + 1, throttling, random));
    }

    @Property
    void retryDelay_isAtLeastTheBackoffAndAtMostTheLargerBound(
            @ForAll("retryNumbers") int retryNumber,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double random,
            @ForAll @LongRange(min = -DAY_NANOS, max = 2 * DAY_NANOS) long hintNanos,
            @ForAll @LongRange(min = 0, max = DAY_NANOS) long maxRetryAfterNanos,
            @ForAll boolean throttling) {
        RetryPolicy policy = RetryPolicy.builder().maxRetryAfter(Duration.ofNanos(maxRetryAfterNanos)).build();
        ClassifiedError error = throttling ? ClassifiedError.tooManyRequests429()
                : ClassifiedError.serviceUnavailable503();
        Duration hint = Duration.ofNanos(hintNanos);
        Duration backoff = policy.backoff(retryNumber, throttling, random);

        Duration delay = policy.retryDelay(retryNumber, error, hint, random);

        Duration upper = max(policy.maxRetryAfter(), policy.maxBackoff());
        assertThat(delay).isGreaterThanOrEqualTo(backoff).isLessThanOrEqualTo(upper);
        if (!hint.isNegative() && hint.compareTo(policy.maxRetryAfter()) <= 0) {
            assertThat(delay).isGreaterThanOrEqualTo(hint);
        }
    }

    @Provide
    Arbitrary<Integer> retryNumbers() {
        // Small numbers exercise the exponential part, large ones the cap and the overflow guard.
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 70), Arbitraries.integers().greaterOrEqual(1));
    }

    /**
     * {@code min(cap, base * 2^(n-1))} computed with BigInteger, independently of the code under test. Shifts
     * past 100 change nothing (any non-zero base times 2^100 exceeds every long cap) and would only cost memory.
     */
    private static Duration ceiling(Duration cap, Duration base, int retryNumber) {
        int shift = Math.min(retryNumber - 1, 100);
        BigInteger exponential = BigInteger.valueOf(base.toNanos()).shiftLeft(shift);
        BigInteger capped = exponential.min(BigInteger.valueOf(cap.toNanos()));
        return Duration.ofNanos(capped.longValueExact());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
