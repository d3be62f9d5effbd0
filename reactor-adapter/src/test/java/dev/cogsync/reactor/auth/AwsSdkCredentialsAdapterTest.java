package dev.cogsync.reactor.auth;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.exception.CredentialsException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsSdkCredentialsAdapterTest {

    /** An SDK provider that resolves synchronously, as the SDK's own providers do, and records its threads. */
    static final class BlockingSdkProvider implements IdentityProvider<AwsCredentialsIdentity> {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final List<Boolean> onNonBlockingThread = new CopyOnWriteArrayList<>();
        volatile AwsCredentialsIdentity next;

        @Override
        public Class<AwsCredentialsIdentity> identityType() {
            return AwsCredentialsIdentity.class;
        }

        @Override
        public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
            calls.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            onNonBlockingThread.add(Schedulers.isInNonBlockingThread());
            return CompletableFuture.completedFuture(next);
        }
    }

    /** Session credentials with an expiration, as the SDK's temporary-credentials providers return them. */
    record SessionIdentity(String accessKeyId, String secretAccessKey, String sessionToken, Instant expires)
            implements AwsSessionCredentialsIdentity {
        @Override
        public java.util.Optional<Instant> expirationTime() {
            return java.util.Optional.of(expires);
        }
    }

    @Test
    void sessionCredentialsAreConvertedResolvedOffTheCallersThreadAndCached() {
        BlockingSdkProvider sdk = new BlockingSdkProvider();
        Instant expiration = Instant.now().plus(Duration.ofHours(1));
        sdk.next = new SessionIdentity("ASIASDK", "sdk-secret", "sdk-token", expiration);
        AwsSdkCredentialsAdapter adapter = AwsSdkCredentialsAdapter.of(sdk);

        List<AwsCredentials> resolved = Flux.range(0, 1000)
                .flatMap(i -> Mono.fromCompletionStage(adapter::resolveCredentials)
                        .subscribeOn(Schedulers.parallel()), 64)
                .collectList().block(Duration.ofSeconds(10));

        assertThat(resolved).hasSize(1000).allSatisfy(credentials -> assertThat(credentials)
                .isEqualTo(new AwsCredentials("ASIASDK", "sdk-secret", "sdk-token", expiration)));
        assertThat(sdk.calls).as("one SDK resolution for 1,000 concurrent requests").hasValue(1);
        assertThat(sdk.onNonBlockingThread).containsOnly(false);
        assertThat(sdk.threads).allSatisfy(name -> assertThat(name).startsWith("boundedElastic"));
    }

    @Test
    void credentialsWithoutAnExpirationAreAskedForAgainAfterFifteenMinutes() throws Exception {
        BlockingSdkProvider sdk = new BlockingSdkProvider();
        sdk.next = AwsCredentialsIdentity.create("AKIDSDK", "sdk-secret");
        ManualClock clock = new ManualClock(Instant.parse("2026-12-01T12:00:00Z"));
        AwsSdkCredentialsAdapter adapter = AwsSdkCredentialsAdapter.of(sdk, clock);
        assertThat(adapter.resolveCredentials().toCompletableFuture().get().sessionToken()).isNull();
        clock.advance(Duration.ofMinutes(9));
        adapter.resolveCredentials().toCompletableFuture().get();
        assertThat(sdk.calls).hasValue(1);
        clock.advance(Duration.ofMinutes(2)); // inside the 5-minute refresh window: a refresh starts behind
        adapter.resolveCredentials().toCompletableFuture().get();
        // Inside the last minute nothing old is served: this waits for the refresh if it is still running.
        clock.advance(Duration.ofMinutes(3).plusSeconds(30));
        adapter.resolveCredentials().toCompletableFuture().get();
        assertThat(sdk.calls).hasValue(2);
    }

    @Test
    void aFailingSdkProviderBecomesACredentialsException() {
        IdentityProvider<AwsCredentialsIdentity> failing = new IdentityProvider<>() {
            @Override
            public Class<AwsCredentialsIdentity> identityType() {
                return AwsCredentialsIdentity.class;
            }

            @Override
            public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
                throw new IllegalStateException("Unable to load credentials from any of the providers");
            }
        };
        assertThatThrownBy(() -> AwsSdkCredentialsAdapter.of(failing).resolveCredentials().toCompletableFuture()
                .join()).hasCauseInstanceOf(CredentialsException.class).hasMessageContaining("IllegalStateException");
    }
}
