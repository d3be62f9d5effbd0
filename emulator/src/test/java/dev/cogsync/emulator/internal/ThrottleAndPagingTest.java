package dev.cogsync.emulator.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThrottleAndPagingTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void tokenBucket_allowsTheBurstThenTheRate() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);

        assertThat(bucket.tryAcquire(0)).isTrue();
        assertThat(bucket.tryAcquire(0)).isTrue();
        assertThat(bucket.tryAcquire(0)).isTrue();
        assertThat(bucket.tryAcquire(0)).isFalse();
        assertThat(bucket.tryAcquire(SECOND / 2 - 1)).isFalse();
        assertThat(bucket.tryAcquire(SECOND / 2)).isTrue();
        assertThat(bucket.tryAcquire(SECOND / 2)).isFalse();
    }

    @Test
    void tokenBucket_neverHoldsMoreThanItsBurst_andIgnoresTimeGoingBack() {
        TokenBucket bucket = new TokenBucket(1000, 2, 0);

        assertThat(bucket.tryAcquire(100 * SECOND)).isTrue();
        assertThat(bucket.tryAcquire(100 * SECOND)).isTrue();
        assertThat(bucket.tryAcquire(100 * SECOND)).isFalse();
        assertThat(bucket.tryAcquire(50 * SECOND)).isFalse();
    }

    @Test
    void pageToken_roundTripsAnyKey() {
        for (PageToken token : new PageToken[] {new PageToken(0, "a"), new PageToken(42, "key:with:colons"),
                new PageToken(Long.MAX_VALUE, "ü 🚀 \"quoted\""), new PageToken(-1, "dataset.name")}) {
            String encoded = token.encode();
            assertThat(encoded).matches("[A-Za-z0-9_-]+");
            assertThat(PageToken.decode(encoded)).isEqualTo(token);
        }
    }

    @Test
    void pageToken_rejectsWhatItDidNotWrite() {
        for (String bad : new String[] {"", "!!", "bm9jb2xvbg", "OmE", "LTI6YQ", "eDph", "MTo", "_w"}) {
            assertThatThrownBy(() -> PageToken.decode(bad)).as(bad).isInstanceOfSatisfying(ServiceError.class,
                    e -> assertThat(e.code()).isEqualTo("InvalidParameterException"));
        }
    }
}
