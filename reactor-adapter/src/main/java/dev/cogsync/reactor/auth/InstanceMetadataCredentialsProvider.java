package dev.cogsync.reactor.auth;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.CredentialsCache;
import dev.cogsync.auth.CredentialsDocuments;
import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.exception.CredentialsException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Credentials of the IAM role of an EC2 instance, from the instance metadata service, version 2: a session
 * token ({@code PUT /latest/api/token}), then the role's name and its credentials. Cached by
 * {@link CredentialsCache} (refreshed 5 minutes before they expire, single-flight, failures retried with backoff).
 *
 * <p>Configured as the AWS SDKs are: {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} replaces
 * {@code http://169.254.169.254}, and {@code AWS_EC2_METADATA_DISABLED=true} turns the source off. Each request
 * has 1 s to answer, so that off EC2 the default chain moves on quickly. Non-blocking.
 */
public final class InstanceMetadataCredentialsProvider implements CredentialsProvider {

    static final String DEFAULT_ENDPOINT = "http://169.254.169.254";
    private static final String SOURCE = "EC2 instance metadata";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final String TOKEN_TTL = "21600";

    private final URI endpoint;
    private final boolean disabled;
    private final CredentialsCache cache;

    private InstanceMetadataCredentialsProvider(Function<String, String> environment, Clock clock) {
        String override = environment.apply("AWS_EC2_METADATA_SERVICE_ENDPOINT");
        String base = override == null || override.isBlank() ? DEFAULT_ENDPOINT : override.strip();
        this.endpoint = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.disabled = "true".equalsIgnoreCase(Objects.requireNonNullElse(
                environment.apply("AWS_EC2_METADATA_DISABLED"), "").strip());
        this.cache = CredentialsCache.of(this::fetch, clock, SOURCE);
    }

    /**
     * A provider configured from the process environment.
     *
     * @return the provider
     */
    public static InstanceMetadataCredentialsProvider create() {
        return create(System.getenv(), Clock.systemUTC());
    }

    /**
     * A provider configured from the given environment variables.
     *
     * @param environment the variables to read, as {@link System#getenv()} gives them
     * @param clock the clock expirations are compared with
     * @return the provider
     */
    public static InstanceMetadataCredentialsProvider create(Map<String, String> environment, Clock clock) {
        return new InstanceMetadataCredentialsProvider(Map.copyOf(environment)::get, clock);
    }

    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        if (disabled) {
            return CompletableFuture.failedFuture(new CredentialsException(SOURCE
                    + ": disabled by AWS_EC2_METADATA_DISABLED"));
        }
        return cache.resolveCredentials();
    }

    /**
     * The instance's region, from {@code /latest/meta-data/placement/region}: the last source of the region chain.
     *
     * @return the region, or an error when there is no instance metadata
     */
    public Mono<String> region() {
        if (disabled) {
            return Mono.error(new CredentialsException(SOURCE + ": disabled by AWS_EC2_METADATA_DISABLED"));
        }
        return token().flatMap(token -> get("/latest/meta-data/placement/region", token)).map(String::strip);
    }

    private CompletableFuture<AwsCredentials> fetch() {
        return token()
                .flatMap(token -> get("/latest/meta-data/iam/security-credentials/", token)
                        .map(roles -> roles.strip().split("\\R", 2)[0])
                        .filter(role -> !role.isEmpty())
                        .switchIfEmpty(Mono.error(() -> new CredentialsException(SOURCE
                                + ": the instance has no IAM role")))
                        .flatMap(role -> get("/latest/meta-data/iam/security-credentials/" + role, token)))
                .map(body -> CredentialsDocuments.fromJson(body.getBytes(StandardCharsets.UTF_8), SOURCE))
                .onErrorMap(e -> !(e instanceof CredentialsException),
                        e -> new CredentialsException(SOURCE + ": unreachable at " + endpoint + " ("
                                + e.getClass().getSimpleName() + ")", e))
                .toFuture();
    }

    private Mono<String> token() {
        return CredentialsHttp.SHARED.exchange("PUT", endpoint.resolve("/latest/api/token"),
                        Map.of("X-aws-ec2-metadata-token-ttl-seconds", TOKEN_TTL), new byte[0], TIMEOUT)
                .flatMap(response -> text(response, "the session token"));
    }

    private Mono<String> get(String path, String token) {
        return CredentialsHttp.SHARED.exchange("GET", endpoint.resolve(path),
                        Map.of("X-aws-ec2-metadata-token", token), null, TIMEOUT)
                .flatMap(response -> text(response, path));
    }

    private static Mono<String> text(CredentialsHttp.Response response, String what) {
        if (!response.isSuccess()) {
            return Mono.error(new CredentialsException(SOURCE + ": HTTP " + response.status() + " for " + what));
        }
        return Mono.just(new String(response.body(), StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "InstanceMetadataCredentialsProvider[" + endpoint + (disabled ? ", disabled" : "") + "]";
    }
}
