package dev.cogsync.retry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdaptiveRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    /** Feeds {@code rps} successful responses a second for {@code seconds}, from {@code start}. */
    private static long succeed(AdaptiveRateLimiter limiter, long start, double rps, int seconds) {
        long step = (long) (SECOND / rps);
        long t = start;
        for (long end = start + seconds * SECOND; t < end; t += step) {
            limiter.onSuccess(t);
        }
        return t;
    }

    @Test
    void neverDelaysBeforeTheFirstThrottle() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(0);
        long t = succeed(limiter, 0, 100, 3);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.reserve(t)).isZero();
        }
        assertThat(limiter.isLimiting()).isFalse();
        assertThat(limiter.rate()).isZero();
    }

    @Test
    void aThrottleCutsTheRateToSeventyPercentOfTheMeasuredRate() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(0);
        long t = succeed(limiter, 0, 20, 5);
        assertThat(limiter.measuredRate()).isCloseTo(20, within(1.0));
        limiter.onThrottle(t);

        assertThat(limiter.isLimiting()).isTrue();
        assertThat(limiter.rate()).isCloseTo(0.7 * limiter.measuredRate(), within(1.0));
    }

    @Test
    void reservationsAreSpacedAtTheRateWithoutAnyoneWaitingInAQueue() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(0);
        long t = succeed(limiter, 0, 10, 5);
        limiter.onThrottle(t);
        double rate = limiter.rate();
        long first = limiter.reserve(t);
        long second = limiter.reserve(t);
        long third = limiter.reserve(t);

        // The bucket holds at most one token after a throttle; then each reservation waits one interval more.
        assertThat(second - first).isCloseTo((long) (SECOND / rate), within(2L));
        assertThat(third - second).isCloseTo((long) (SECOND / rate), within(2L));
    }

    @Test
    void theRateRecoversAlongTheCubicCurveAsRequestsSucceed() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(0);
        long t = succeed(limiter, 0, 10, 5);
        limiter.onThrottle(t);
        double cut = limiter.rate();
        t = succeed(limiter, t, 8, 1);
        double early = limiter.rate();
        t = succeed(limiter, t, 10, 3);
        double later = limiter.rate();

        assertThat(early).isGreaterThanOrEqualTo(cut * 0.99);
        assertThat(later).isGreaterThan(early);
        assertThat(later).as("never above twice the measured rate").isLessThanOrEqualTo(2 * limiter.measuredRate());
    }

    @Test
    void eachBusySenderRaisesTheFloorSoNoneStarves() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(0);
        long t = succeed(limiter, 0, 1, 2);
        for (int i = 0; i < 50; i++) {
            limiter.onThrottle(t);
        }
        assertThat(limiter.rate()).isEqualTo(0.5);
        for (int i = 0; i < 4; i++) {
            limiter.addSender();
        }
        assertThat(limiter.rate()).isEqualTo(2.0);
        limiter.removeSender();
        assertThat(limiter.rate()).isEqualTo(1.5);
    }
}
