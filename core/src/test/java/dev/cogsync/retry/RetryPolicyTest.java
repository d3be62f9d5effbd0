package dev.cogsync.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {

    @Test
    void defaults_followAwsStandardRetryMode() {
        RetryPolicy policy = RetryPolicy.defaults();

        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.transientBaseDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.throttlingBaseDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.quotaEnabled()).isTrue();
        assertThat(policy.quotaCapacity()).isEqualTo(500);
        assertThat(policy.retryCost()).isEqualTo(5);
        assertThat(policy.timeoutRetryCost()).isEqualTo(10);
        assertThat(policy.noRetryIncrement()).isEqualTo(1);
    }

    @Test
    void builder_withNothingSet_equalsDefaults() {
        assertThat(RetryPolicy.builder().build()).isEqualTo(RetryPolicy.defaults())
                .hasSameHashCodeAs(RetryPolicy.defaults());
    }

    @Test
    void none_makesOneAttemptAndKeepsOtherDefaults() {
        RetryPolicy none = RetryPolicy.none();

        assertThat(none.maxAttempts()).isEqualTo(1);
        assertThat(none.toBuilder().maxAttempts(3).build()).isEqualTo(RetryPolicy.defaults());
    }

    @Test
    void toBuilder_copiesEverySettingAndLeavesTheOriginalUnchanged() {
        RetryPolicy custom = RetryPolicy.builder()
                .maxAttempts(7)
                .transientBaseDelay(Duration.ofMillis(30))
                .throttlingBaseDelay(Duration.ofMillis(700))
                .maxBackoff(Duration.ofSeconds(9))
                .maxRetryAfter(Duration.ofSeconds(60))
                .quotaEnabled(false)
                .quotaCapacity(80)
                .retryCost(4)
                .timeoutRetryCost(8)
                .noRetryIncrement(2)
                .build();

        RetryPolicy copy = custom.toBuilder().build();
        RetryPolicy changed = custom.toBuilder().maxAttempts(2).build();

        assertThat(copy).isEqualTo(custom).hasToString(custom.toString());
        assertThat(changed.maxAttempts()).isEqualTo(2);
        assertThat(custom.maxAttempts()).isEqualTo(7);
        assertThat(changed).isNotEqualTo(custom);
        assertThat(custom.toString()).contains("maxAttempts=7", "maxRetryAfter=PT1M", "quotaCapacity=80");
    }

    @Test
    void maxRetryAfter_followsMaxBackoffUntilSet_alsoThroughToBuilder() {
        RetryPolicy shorter = RetryPolicy.defaults().toBuilder().maxBackoff(Duration.ofSeconds(5)).build();
        RetryPolicy pinned = shorter.toBuilder().maxRetryAfter(Duration.ofSeconds(30)).build();
        RetryPolicy pinnedThenCapChanged = pinned.toBuilder().maxBackoff(Duration.ofSeconds(2)).build();
        RetryPolicy unpinned = pinned.toBuilder().maxRetryAfter(null).build();

        assertThat(shorter.maxRetryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(pinned.maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(pinnedThenCapChanged.maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(unpinned.maxRetryAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void newQuota_isFullAndUsesThePolicyCosts() {
        RetryQuota quota = RetryPolicy.builder().quotaCapacity(30).retryCost(3).timeoutRetryCost(7).build()
                .newQuota();

        assertThat(quota.capacity()).isEqualTo(30);
        assertThat(quota.available()).isEqualTo(30);
        assertThat(quota.tryAcquire(false)).isEqualTo(3);
        assertThat(quota.tryAcquire(true)).isEqualTo(7);
        assertThat(quota.available()).isEqualTo(20);
    }

    @Test
    void newQuota_returnsAFreshBucketEachTime() {
        RetryPolicy policy = RetryPolicy.defaults();
        RetryQuota first = policy.newQuota();
        first.tryAcquire(false);

        assertThat(policy.newQuota().available()).isEqualTo(500);
        assertThat(first.available()).isEqualTo(495);
    }

    @Test
    void newQuota_whenQuotaDisabled_isUnlimited() {
        RetryQuota quota = RetryPolicy.builder().quotaEnabled(false).build().newQuota();

        assertThat(quota.isUnlimited()).isTrue();
        assertThat(RetryPolicy.defaults().newQuota().isUnlimited()).isFalse();
    }

    static Stream<Arguments> truthTable() {
        return Stream.of(
                // Throttling: retried until the third attempt has been made.
                Arguments.of(ClassifiedError.tooManyRequests429(), 1, true),
                Arguments.of(ClassifiedError.tooManyRequests429(), 2, true),
                Arguments.of(ClassifiedError.tooManyRequests429(), 3, false),
                Arguments.of(ClassifiedError.tooManyRequests429(), 4, false),
                Arguments.of(ClassifiedError.lambdaThrottled429(), 1, true),
                Arguments.of(ClassifiedError.lambdaThrottled429(), 3, false),
                // Transient: the same.
                Arguments.of(ClassifiedError.internalError500(), 1, true),
                Arguments.of(ClassifiedError.internalError500(), 2, true),
                Arguments.of(ClassifiedError.internalError500(), 3, false),
                Arguments.of(ClassifiedError.internalError500(), 4, false),
                Arguments.of(ClassifiedError.badGateway502(), 2, true),
                Arguments.of(ClassifiedError.serviceUnavailable503(), 2, true),
                Arguments.of(ClassifiedError.gatewayTimeout504(), 2, true),
                Arguments.of(ClassifiedError.connectionReset(), 1, true),
                Arguments.of(ClassifiedError.connectionReset(), 3, false),
                // Anything else: never, not even on the first attempt.
                Arguments.of(ClassifiedError.invalidParameter400(), 1, false),
                Arguments.of(ClassifiedError.invalidParameter400(), 3, false),
                Arguments.of(ClassifiedError.notAuthorized403(), 1, false),
                Arguments.of(ClassifiedError.resourceNotFound404(), 1, false),
                Arguments.of(ClassifiedError.resourceConflict409(), 1, false),
                Arguments.of(ClassifiedError.resourceConflict409(), 2, false));
    }

    @ParameterizedTest(name = "{0} after {1} attempt(s): retry={2}")
    @MethodSource("truthTable")
    void shouldRetry_withDefaults_followsTheTruthTable(ClassifiedError error, int attemptsMade, boolean expected) {
        assertThat(RetryPolicy.defaults().shouldRetry(error, attemptsMade)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truthTable")
    void shouldRetry_withNone_neverRetries(ClassifiedError error, int attemptsMade, boolean ignored) {
        assertThat(RetryPolicy.none().shouldRetry(error, attemptsMade)).isFalse();
    }

    @Test
    void shouldRetry_honoursACustomMaxAttempts() {
        RetryPolicy five = RetryPolicy.builder().maxAttempts(5).build();

        assertThat(five.shouldRetry(ClassifiedError.serviceUnavailable503(), 4)).isTrue();
        assertThat(five.shouldRetry(ClassifiedError.serviceUnavailable503(), 5)).isFalse();
    }

    @Test
    void shouldRetry_rejectsAttemptsBelowOneAndNullErrors() {
        assertThatThrownBy(() -> RetryPolicy.defaults().shouldRetry(ClassifiedError.internalError500(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attemptsMade: must be >= 1, was 0");
        assertThatThrownBy(() -> RetryPolicy.defaults().shouldRetry(null, 1))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("error");
    }

    @Test
    void builder_rejectsOutOfRangeSettings_namingTheFieldAndRule() {
        RetryPolicy.Builder builder = RetryPolicy.builder();

        assertThatThrownBy(() -> builder.maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts: must be >= 1, was 0");
        assertThatThrownBy(() -> builder.transientBaseDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transientBaseDelay: must be between 0 and 1 day (PT24H), was PT-0.001S");
        assertThatThrownBy(() -> builder.throttlingBaseDelay(Duration.ofDays(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("throttlingBaseDelay: must be between 0 and 1 day");
        assertThatThrownBy(() -> builder.maxBackoff(Duration.ofDays(1).plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxBackoff: must be between 0 and 1 day");
        assertThatThrownBy(() -> builder.maxRetryAfter(Duration.ofSeconds(-5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxRetryAfter: must be between 0 and 1 day");
        assertThatThrownBy(() -> builder.quotaCapacity(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("quotaCapacity: must be >= 1, was 0");
        assertThatThrownBy(() -> builder.retryCost(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("retryCost: must be >= 1, was 0");
        assertThatThrownBy(() -> builder.timeoutRetryCost(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeoutRetryCost: must be >= 1, was -1");
        assertThatThrownBy(() -> builder.noRetryIncrement(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("noRetryIncrement: must be >= 0, was -1");
        assertThatThrownBy(() -> builder.maxBackoff(null))
                .isInstanceOf(NullPointerException.class).hasMessage("maxBackoff");
    }

    @Test
    void builder_acceptsTheBoundaries() {
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(1)
                .transientBaseDelay(Duration.ZERO)
                .throttlingBaseDelay(Duration.ofDays(1))
                .maxBackoff(Duration.ZERO)
                .maxRetryAfter(Duration.ofDays(1))
                .quotaCapacity(1)
                .retryCost(1)
                .timeoutRetryCost(1)
                .noRetryIncrement(0)
                .build();

        assertThat(policy.throttlingBaseDelay()).isEqualTo(Duration.ofDays(1));
        assertThat(policy.noRetryIncrement()).isZero();
    }

    @Test
    void build_rejectsCostsAboveTheQuotaCapacity() {
        assertThatThrownBy(() -> RetryPolicy.builder().quotaCapacity(8).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeoutRetryCost: must be <= quotaCapacity (8), was 10");
        assertThatThrownBy(() -> RetryPolicy.builder().quotaCapacity(4).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryCost: must be <= quotaCapacity (4), was 5");
    }
}
