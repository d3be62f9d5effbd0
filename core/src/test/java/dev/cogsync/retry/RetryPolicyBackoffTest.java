package dev.cogsync.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyBackoffTest {

    private static final double JUST_BELOW_ONE = Math.nextDown(1.0);

    private final RetryPolicy policy = RetryPolicy.defaults();

    @ParameterizedTest(name = "retry {0}: {1} ms")
    @CsvSource({
        "1, 50", "2, 100", "3, 200", "4, 400", "5, 800", "6, 1600", "7, 3200", "8, 6400",
        // From retry 9 on, 100 ms * 2^8 = 25.6 s is past the 20 s cap.
        "9, 10000", "10, 10000", "30, 10000"
    })
    void backoff_transient_atHalfJitter_doublesUntilTheCap(int retryNumber, long expectedMillis) {
        assertThat(policy.backoff(retryNumber, false, 0.5)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest(name = "retry {0}: {1} ms")
    @CsvSource({"1, 500", "2, 1000", "3, 2000", "4, 4000", "5, 8000", "6, 10000", "7, 10000"})
    void backoff_throttling_atHalfJitter_startsFromTheLargerBase(int retryNumber, long expectedMillis) {
        assertThat(policy.backoff(retryNumber, true, 0.5)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest(name = "retry {0}")
    @ValueSource(ints = {1, 2, 5, 10, 1000, Integer.MAX_VALUE})
    void backoff_atZeroJitter_isZero(int retryNumber) {
        assertThat(policy.backoff(retryNumber, false, 0.0)).isZero();
        assertThat(policy.backoff(retryNumber, true, 0.0)).isZero();
    }

    @ParameterizedTest(name = "retry {0}: ceiling {1} ms")
    @CsvSource({"1, 100", "2, 200", "5, 1600", "8, 12800", "9, 20000", "1000, 20000"})
    void backoff_justBelowFullJitter_reachesTheCeilingWithinANanosecond(int retryNumber, long ceilingMillis) {
        Duration ceiling = Duration.ofMillis(ceilingMillis);

        assertThat(policy.backoff(retryNumber, false, JUST_BELOW_ONE))
                .isLessThanOrEqualTo(ceiling)
                .isGreaterThanOrEqualTo(ceiling.minusNanos(1));
    }

    @Test
    void backoff_forHugeRetryNumbers_staysAtTheCapWithoutOverflow() {
        for (int retryNumber : new int[] {63, 64, 65, 1000, Integer.MAX_VALUE}) {
            assertThat(policy.backoff(retryNumber, false, 0.5)).isEqualTo(Duration.ofSeconds(10));
            assertThat(policy.backoff(retryNumber, true, 0.5)).isEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void backoff_withTheLargestSettings_staysAtTheCapWithoutOverflow() {
        RetryPolicy extreme = RetryPolicy.builder()
                .transientBaseDelay(Duration.ofDays(1))
                .maxBackoff(Duration.ofDays(1))
                .build();

        assertThat(extreme.backoff(1, false, 0.5)).isEqualTo(Duration.ofHours(12));
        assertThat(extreme.backoff(2, false, 0.5)).isEqualTo(Duration.ofHours(12));
        assertThat(extreme.backoff(1000, false, 0.5)).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void backoff_withABaseAboveTheCap_isCappedFromTheFirstRetry() {
        RetryPolicy small = RetryPolicy.builder().maxBackoff(Duration.ofMillis(300)).build();

        assertThat(small.backoff(1, true, 0.5)).isEqualTo(Duration.ofMillis(150));
        assertThat(small.backoff(1, false, 0.5)).isEqualTo(Duration.ofMillis(50));
        assertThat(small.backoff(2, false, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(small.backoff(3, false, 0.5)).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void backoff_withZeroBaseOrZeroCap_isAlwaysZero() {
        RetryPolicy zeroBase = RetryPolicy.builder().transientBaseDelay(Duration.ZERO).build();
        RetryPolicy zeroCap = RetryPolicy.builder().maxBackoff(Duration.ZERO).build();

        assertThat(zeroBase.backoff(1000, false, JUST_BELOW_ONE)).isZero();
        assertThat(zeroCap.backoff(3, true, JUST_BELOW_ONE)).isZero();
    }

    @Test
    void backoff_keepsNanosecondPrecision() {
        RetryPolicy fine = RetryPolicy.builder().transientBaseDelay(Duration.ofNanos(3)).build();

        assertThat(fine.backoff(1, false, 0.5)).isEqualTo(Duration.ofNanos(1));
        assertThat(fine.backoff(2, false, 0.5)).isEqualTo(Duration.ofNanos(3));
        assertThat(fine.backoff(3, false, 0.25)).isEqualTo(Duration.ofNanos(3));
    }

    @Test
    void backoff_rejectsRetryNumbersBelowOne() {
        assertThatThrownBy(() -> policy.backoff(0, false, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryNumber: must be >= 1, was 0");
        assertThatThrownBy(() -> policy.backoff(-3, true, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryNumber: must be >= 1, was -3");
    }

    @ParameterizedTest(name = "random={0}")
    @ValueSource(doubles = {1.0, -0.0001, 1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void backoff_rejectsRandomOutsideTheUnitInterval(double random) {
        assertThatThrownBy(() -> policy.backoff(1, false, random))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("random: must be in [0, 1), was " + random);
    }

    @Test
    void backoff_withARandomGenerator_usesItsNextDouble() {
        RandomGenerator quarter = fixed(0.25);

        assertThat(policy.backoff(3, false, quarter)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(3, true, quarter)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void backoff_withThreadLocalRandom_staysWithinZeroAndTheCeiling() {
        for (int i = 0; i < 10_000; i++) {
            Duration delay = policy.backoff(4, false, ThreadLocalRandom.current());
            assertThat(delay).isBetween(Duration.ZERO, Duration.ofMillis(800));
        }
    }

    @Test
    void retryDelay_withoutHint_isTheBackoffForTheErrorsKind() {
        assertThat(policy.retryDelay(2, ClassifiedError.serviceUnavailable503(), null, 0.5))
                .isEqualTo(Duration.ofMillis(100));
        assertThat(policy.retryDelay(2, ClassifiedError.tooManyRequests429(), null, 0.5))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryDelay_withAHintAboveTheBackoff_waitsForTheHint() {
        Duration delay = policy.retryDelay(1, ClassifiedError.serviceUnavailable503(), Duration.ofSeconds(3), 0.5);

        assertThat(delay).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void retryDelay_withAHintBelowTheBackoff_keepsTheBackoff() {
        Duration delay = policy.retryDelay(3, ClassifiedError.tooManyRequests429(), Duration.ofMillis(10), 0.5);

        assertThat(delay).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retryDelay_withAZeroOrNegativeHint_keepsTheBackoff() {
        assertThat(policy.retryDelay(1, ClassifiedError.tooManyRequests429(), Duration.ZERO, 0.5))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(policy.retryDelay(1, ClassifiedError.tooManyRequests429(), Duration.ofSeconds(-30), 0.5))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(policy.retryDelay(1, ClassifiedError.tooManyRequests429(), Duration.ofSeconds(-30), 0.0))
                .isZero();
    }

    @Test
    void retryDelay_withAHintAboveMaxRetryAfter_cutsItToMaxRetryAfter() {
        Duration oneHour = Duration.ofHours(1);

        assertThat(policy.retryDelay(1, ClassifiedError.tooManyRequests429(), oneHour, 0.5))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.retryDelay(1, ClassifiedError.tooManyRequests429(), Duration.ofSeconds(20), 0.5))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.retryDelay(1, ClassifiedError.tooManyRequests429(), Duration.ofSeconds(Long.MAX_VALUE),
                0.5)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void retryDelay_honoursAnExplicitMaxRetryAfter() {
        RetryPolicy patient = RetryPolicy.builder().maxRetryAfter(Duration.ofMinutes(2)).build();
        RetryPolicy impatient = RetryPolicy.builder().maxRetryAfter(Duration.ofMillis(200)).build();

        assertThat(patient.retryDelay(1, ClassifiedError.tooManyRequests429(), Duration.ofMinutes(1), 0.5))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(patient.retryDelay(1, ClassifiedError.tooManyRequests429(), Duration.ofMinutes(5), 0.5))
                .isEqualTo(Duration.ofMinutes(2));
        // The hint is cut to 200 ms, under the throttling backoff of 500 ms, which wins.
        assertThat(impatient.retryDelay(1, ClassifiedError.tooManyRequests429(), Duration.ofSeconds(5), 0.5))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(impatient.retryDelay(1, ClassifiedError.connectionReset(), Duration.ofSeconds(5), 0.5))
                .isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void retryDelay_withARandomGenerator_usesItsNextDouble() {
        assertThat(policy.retryDelay(2, ClassifiedError.internalError500(), null, fixed(0.75)))
                .isEqualTo(Duration.ofMillis(150));
        assertThat(policy.retryDelay(2, ClassifiedError.internalError500(), Duration.ofSeconds(1), fixed(0.75)))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryDelay_rejectsANullErrorAndBadArguments() {
        assertThatThrownBy(() -> policy.retryDelay(1, null, null, 0.5))
                .isInstanceOf(NullPointerException.class).hasMessage("error");
        assertThatThrownBy(() -> policy.retryDelay(0, ClassifiedError.internalError500(), null, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("retryNumber:");
        assertThatThrownBy(() -> policy.retryDelay(1, ClassifiedError.internalError500(), null, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("random:");
    }

    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble is expected");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
