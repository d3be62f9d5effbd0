package dev.cogsync.auth;

import dev.cogsync.exception.CredentialsException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    /** A clock the test moves by hand: virtual time for the cache. */
    static final class ManualClock extends Clock {
        Instant now = T0;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final List<CompletableFuture<AwsCredentials>> fetches = new ArrayList<>();
    private final CredentialsCache cache = CredentialsCache.of(() -> {
        CompletableFuture<AwsCredentials> fetch = new CompletableFuture<>();
        fetches.add(fetch);
        return fetch;
    }, clock, "test source");

    private static AwsCredentials expiringAt(String id, Instant expiration) {
        return AwsCredentials.expiring(id, "secret-" + id, "token-" + id, expiration);
    }

    private static AwsCredentials now(CompletionStage<AwsCredentials> stage) throws Exception {
        return stage.toCompletableFuture().get(1, TimeUnit.SECONDS);
    }

    @Test
    void aThousandConcurrentRequestsCauseOneFetch() throws Exception {
        List<CompletionStage<AwsCredentials>> waiting = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            waiting.add(cache.resolveCredentials());
        }
        assertThat(fetches).hasSize(1);
        fetches.get(0).complete(expiringAt("A", T0.plus(Duration.ofHours(1))));

        for (CompletionStage<AwsCredentials> stage : waiting) {
            assertThat(now(stage).accessKeyId()).isEqualTo("A");
        }
        assertThat(cache.fetches()).isEqualTo(1);
    }

    @Test
    void credentialsAreReusedUntilTheRefreshWindowThenRefreshedInTheBackground() throws Exception {
        cache.resolveCredentials();
        fetches.get(0).complete(expiringAt("A", T0.plus(Duration.ofHours(1))));
        clock.advance(Duration.ofMinutes(54));
        assertThat(now(cache.resolveCredentials()).accessKeyId()).isEqualTo("A");
        assertThat(fetches).hasSize(1);

        clock.advance(Duration.ofMinutes(2)); // 4 minutes left: inside the 5-minute window
        assertThat(now(cache.resolveCredentials()).accessKeyId()).as("still served while refreshing").isEqualTo("A");
        assertThat(now(cache.resolveCredentials()).accessKeyId()).isEqualTo("A");
        assertThat(fetches).as("one background refresh").hasSize(2);
        fetches.get(1).complete(expiringAt("B", clock.instant().plus(Duration.ofHours(1))));
        assertThat(now(cache.resolveCredentials()).accessKeyId()).isEqualTo("B");
    }

    @Test
    void aFailedRefreshKeepsValidCredentialsAndRetriesAfterABackoff() throws Exception {
        cache.resolveCredentials();
        fetches.get(0).complete(expiringAt("A", T0.plus(Duration.ofMinutes(10))));
        clock.advance(Duration.ofMinutes(6));
        cache.resolveCredentials();
        fetches.get(1).completeExceptionally(new CredentialsException("endpoint down"));

        assertThat(now(cache.resolveCredentials()).accessKeyId()).isEqualTo("A");
        assertThat(fetches).as("no retry before the backoff").hasSize(2);
        clock.advance(Duration.ofMillis(999));
        cache.resolveCredentials();
        assertThat(fetches).hasSize(2);
        clock.advance(Duration.ofMillis(1));
        cache.resolveCredentials();
        assertThat(fetches).as("retried after 1 s").hasSize(3);
        fetches.get(2).completeExceptionally(new CredentialsException("still down"));
        clock.advance(Duration.ofMillis(1999));
        cache.resolveCredentials();
        assertThat(fetches).as("the backoff doubled").hasSize(3);
        clock.advance(Duration.ofMillis(1));
        assertThat(now(cache.resolveCredentials()).accessKeyId()).isEqualTo("A");
        assertThat(fetches).hasSize(4);
    }

    @Test
    void expiredCredentialsAreNeverUsedToSign() throws Exception {
        cache.resolveCredentials();
        fetches.get(0).complete(expiringAt("A", T0.plus(Duration.ofMinutes(10))));
        clock.advance(Duration.ofMinutes(9).plusSeconds(1)); // 59 s left: inside the 1-minute margin
        CompletionStage<AwsCredentials> waiting = cache.resolveCredentials();
        assertThat(waiting.toCompletableFuture()).isNotDone();
        fetches.get(1).completeExceptionally(new CredentialsException("endpoint down"));

        assertThatThrownBy(() -> now(waiting)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(CredentialsException.class).hasMessageContaining("endpoint down");
        assertThatThrownBy(() -> now(cache.resolveCredentials())).hasCauseInstanceOf(CredentialsException.class)
                .hasMessageContaining("test source");
    }

    @Test
    void credentialsWithoutAnExpirationAreKeptForGood() throws Exception {
        cache.resolveCredentials();
        fetches.get(0).complete(AwsCredentials.of("A", "secret"));
        clock.advance(Duration.ofDays(400));
        assertThat(now(cache.resolveCredentials()).accessKeyId()).isEqualTo("A");
        assertThat(fetches).hasSize(1);
    }

    @Test
    void cancellingOneCallerDoesNotCancelTheSharedFetch() throws Exception {
        CompletionStage<AwsCredentials> first = cache.resolveCredentials();
        CompletionStage<AwsCredentials> second = cache.resolveCredentials();
        first.toCompletableFuture().cancel(true);
        fetches.get(0).complete(expiringAt("A", T0.plus(Duration.ofHours(1))));
        assertThat(now(second).accessKeyId()).isEqualTo("A");
    }

    @Test
    void errorsNameTheSourceAndNeverASecret() {
        AtomicInteger calls = new AtomicInteger();
        CredentialsCache failing = CredentialsCache.of(() -> {
            calls.incrementAndGet();
            return CompletableFuture.failedFuture(new IllegalStateException("boom"));
        }, clock, "instance metadata");
        assertThatThrownBy(() -> now(failing.resolveCredentials())).hasCauseInstanceOf(CredentialsException.class)
                .hasMessageContaining("instance metadata").hasMessageContaining("IllegalStateException");
        assertThat(calls).hasValue(1);
    }
}
