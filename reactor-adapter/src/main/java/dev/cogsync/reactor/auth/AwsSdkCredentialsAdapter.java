package dev.cogsync.reactor.auth;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.CredentialsCache;
import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.exception.CredentialsException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Uses a credentials provider of the AWS SDK for Java v2 (any {@code IdentityProvider} of
 * {@code AwsCredentialsIdentity}, such as {@code software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider})
 * as a cogsync {@link CredentialsProvider}.
 *
 * <p>The SDK's resolution may block (its providers call {@code resolveCredentials()} synchronously), so it always
 * runs on Reactor's bounded-elastic scheduler, never on the caller's thread. Its credentials are cached by
 * {@link CredentialsCache}: until 5 minutes before their expiration when the SDK gives one, else for
 * {@value #REFRESH_MINUTES} minutes. The SDK is an optional dependency of cogsync-reactor: add
 * {@code software.amazon.awssdk:identity-spi} (any SDK credentials module brings it) to use this class.
 *
 * <p>The names let both be imported side by side: cogsync's {@code dev.cogsync.auth.CredentialsProvider}, and the
 * SDK's {@code software.amazon.awssdk.auth.credentials.AwsCredentialsProvider}.
 */
public final class AwsSdkCredentialsAdapter implements CredentialsProvider {

    static final long REFRESH_MINUTES = 15;
    private static final String SOURCE = "AWS SDK credentials provider";

    private final IdentityProvider<? extends AwsCredentialsIdentity> sdk;
    private final Clock clock;
    private final CredentialsCache cache;

    private AwsSdkCredentialsAdapter(IdentityProvider<? extends AwsCredentialsIdentity> sdk, Clock clock) {
        this.sdk = Objects.requireNonNull(sdk, "sdk");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = CredentialsCache.of(this::fetch, clock, SOURCE);
    }

    /**
     * Adapts an SDK provider.
     *
     * @param sdk the SDK's provider, for example {@code DefaultCredentialsProvider.create()}
     * @return the cogsync provider
     */
    public static AwsSdkCredentialsAdapter of(IdentityProvider<? extends AwsCredentialsIdentity> sdk) {
        return new AwsSdkCredentialsAdapter(sdk, Clock.systemUTC());
    }

    /**
     * Adapts an SDK provider, comparing expirations with a clock of the caller's.
     *
     * @param sdk the SDK's provider
     * @param clock the clock
     * @return the cogsync provider
     */
    public static AwsSdkCredentialsAdapter of(IdentityProvider<? extends AwsCredentialsIdentity> sdk, Clock clock) {
        return new AwsSdkCredentialsAdapter(sdk, clock);
    }

    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        return cache.resolveCredentials();
    }

    private CompletableFuture<AwsCredentials> fetch() {
        return Mono.defer(() -> Mono.fromCompletionStage(sdk.resolveIdentity()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(this::convert)
                .onErrorMap(e -> !(e instanceof CredentialsException),
                        e -> new CredentialsException(SOURCE + " failed: " + e.getClass().getSimpleName(), e))
                .toFuture();
    }

    private AwsCredentials convert(AwsCredentialsIdentity identity) {
        String token = identity instanceof AwsSessionCredentialsIdentity session ? session.sessionToken() : null;
        Instant expiration = identity.expirationTime()
                .orElseGet(() -> clock.instant().plus(Duration.ofMinutes(REFRESH_MINUTES)));
        return new AwsCredentials(identity.accessKeyId(), identity.secretAccessKey(), token, expiration);
    }

    @Override
    public String toString() {
        return "AwsSdkCredentialsAdapter[" + sdk.getClass().getSimpleName() + "]";
    }
}
