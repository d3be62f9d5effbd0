package dev.cogsync.reactor.auth;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.CredentialsCache;
import dev.cogsync.auth.CredentialsDocuments;
import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.exception.CredentialsException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Credentials from a container's credentials endpoint: ECS task roles and EKS Pod Identity. Configured as the AWS
 * SDKs are, by {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} (under {@code http://169.254.170.2}) or
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} (https anywhere; http only to a loopback address, the ECS host
 * {@code 169.254.170.2} or the EKS Pod Identity agent {@code 169.254.170.23} / {@code fd00:ec2::23}), with an
 * {@code Authorization} header from {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE} (read afresh for each fetch,
 * off the event loop) or {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}. Cached by {@link CredentialsCache}.
 */
public final class ContainerCredentialsProvider implements CredentialsProvider {

    static final String ECS_HOST = "http://169.254.170.2";
    private static final Set<String> ALLOWED_HTTP_HOSTS = Set.of("169.254.170.2", "169.254.170.23",
            "fd00:ec2::23", "[fd00:ec2::23]");
    private static final String SOURCE = "container credentials";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI uri;
    private final String problem;
    private final Function<String, String> environment;
    private final CredentialsCache cache;

    private ContainerCredentialsProvider(Function<String, String> environment, Clock clock) {
        this.environment = environment;
        String relative = blankToNull(environment.apply("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"));
        String full = blankToNull(environment.apply("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
        URI resolved = null;
        String why = null;
        if (relative != null) {
            resolved = URI.create(ECS_HOST + (relative.startsWith("/") ? "" : "/") + relative);
        } else if (full != null) {
            try {
                resolved = URI.create(full);
                why = checkFullUri(resolved);
            } catch (IllegalArgumentException e) {
                why = "AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URI";
            }
        } else {
            why = "neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set";
        }
        this.uri = why == null ? resolved : null;
        this.problem = why;
        this.cache = CredentialsCache.of(this::fetch, clock, SOURCE);
    }

    /**
     * A provider configured from the process environment.
     *
     * @return the provider
     */
    public static ContainerCredentialsProvider create() {
        return create(System.getenv(), Clock.systemUTC());
    }

    /**
     * A provider configured from the given environment variables.
     *
     * @param environment the variables to read
     * @param clock the clock expirations are compared with
     * @return the provider
     */
    public static ContainerCredentialsProvider create(Map<String, String> environment, Clock clock) {
        return new ContainerCredentialsProvider(Map.copyOf(environment)::get, clock);
    }

    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        if (problem != null) {
            return CompletableFuture.failedFuture(new CredentialsException(SOURCE + ": " + problem));
        }
        return cache.resolveCredentials();
    }

    private CompletableFuture<AwsCredentials> fetch() {
        return authorization()
                .flatMap(headers -> CredentialsHttp.SHARED.exchange("GET", uri, headers, null, TIMEOUT))
                .map(response -> {
                    if (!response.isSuccess()) {
                        throw new CredentialsException(SOURCE + ": HTTP " + response.status() + " from " + uri);
                    }
                    return CredentialsDocuments.fromJson(response.body(), SOURCE);
                })
                .onErrorMap(e -> !(e instanceof CredentialsException),
                        e -> new CredentialsException(SOURCE + ": unreachable at " + uri + " ("
                                + e.getClass().getSimpleName() + ")", e))
                .toFuture();
    }

    private Mono<Map<String, String>> authorization() {
        String file = blankToNull(environment.apply("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"));
        if (file != null) {
            return Mono.fromCallable(() -> Files.readString(Path.of(file), StandardCharsets.UTF_8).strip())
                    .subscribeOn(Schedulers.boundedElastic())
                    .onErrorMap(e -> new CredentialsException(SOURCE
                            + ": cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (" + e.getClass().getSimpleName()
                            + ")", e))
                    .map(ContainerCredentialsProvider::authorizationHeader);
        }
        String token = blankToNull(environment.apply("AWS_CONTAINER_AUTHORIZATION_TOKEN"));
        return Mono.just(token == null ? Map.of() : authorizationHeader(token));
    }

    private static Map<String, String> authorizationHeader(String token) {
        if (token.indexOf('\r') >= 0 || token.indexOf('\n') >= 0) {
            throw new CredentialsException(SOURCE + ": the authorization token has a line break");
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", token);
        return headers;
    }

    private static String checkFullUri(URI uri) {
        String scheme = uri.getScheme();
        if ("https".equalsIgnoreCase(scheme)) {
            return null;
        }
        if (!"http".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            return "AWS_CONTAINER_CREDENTIALS_FULL_URI must be an http or https URL";
        }
        String host = uri.getHost();
        if (ALLOWED_HTTP_HOSTS.contains(host) || isLoopbackLiteral(host)) {
            return null;
        }
        return "AWS_CONTAINER_CREDENTIALS_FULL_URI: http is allowed only to a loopback address, 169.254.170.2, "
                + "169.254.170.23 or fd00:ec2::23, was " + host;
    }

    /** A loopback host without a DNS lookup: {@code localhost}, or an IP literal in the loopback range. */
    private static boolean isLoopbackLiteral(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "ContainerCredentialsProvider[" + (uri != null ? uri : "not configured") + "]";
    }
}
