package dev.cogsync.reactor.auth;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.CredentialsCache;
import dev.cogsync.auth.IdentityCredentialsProvider;
import dev.cogsync.endpoint.Endpoint;
import dev.cogsync.exception.CredentialsException;
import dev.cogsync.protocol.CognitoIdentityCodec;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Temporary credentials from Amazon Cognito Identity, one set per identity: {@link #getId} creates or finds an
 * identity of a pool (unauthenticated, or for a {@code Logins} map), and {@link #resolveCredentials(String)} gets
 * and caches that identity's credentials ({@code GetCredentialsForIdentity}), each identity with the rules of
 * {@link CredentialsCache}: reused until 5 minutes before expiry, single-flight, failures retried with backoff. Both
 * calls are unsigned JSON 1.1 requests. Give it to {@link dev.cogsync.reactor.ClientOptions.Builder
 * #identityCredentialsProvider} and every request is signed with the credentials of its dataset's identity.
 *
 * <p>The most recently used {@value #DEFAULT_MAX_IDENTITIES} identities keep their credentials; older ones fetch
 * again when next used.
 */
public final class CognitoIdentityCredentialsProvider implements IdentityCredentialsProvider {

    static final int DEFAULT_MAX_IDENTITIES = 100_000;
    private static final String SOURCE = "Cognito Identity";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI endpoint;
    private final Function<String, Map<String, String>> logins;
    private final Clock clock;
    private final int maxIdentities;
    private final Map<String, CredentialsCache> caches;

    private CognitoIdentityCredentialsProvider(Builder builder) {
        String region = Objects.requireNonNull(builder.region, "region");
        this.endpoint = builder.endpoint != null ? builder.endpoint : URI.create("https://cognito-identity." + region
                + ".amazonaws.com" + (Endpoint.forRegion(region).host().endsWith(".cn") ? ".cn" : "") + "/");
        this.logins = builder.logins;
        this.clock = builder.clock;
        this.maxIdentities = builder.maxIdentities;
        this.caches = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * A builder.
     *
     * @return a builder; the region is required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates or finds an identity of a pool ({@code GetId}).
     *
     * @param identityPoolId the pool
     * @param identityLogins provider name to token; empty for a new unauthenticated identity
     * @return the identity id
     */
    public Mono<String> getId(String identityPoolId, Map<String, String> identityLogins) {
        return call("GetId", CognitoIdentityCodec.getIdRequest(identityPoolId, identityLogins))
                .map(CognitoIdentityCodec::identityId);
    }

    @Override
    public CompletionStage<AwsCredentials> resolveCredentials(String identityId) {
        Objects.requireNonNull(identityId, "identityId");
        CredentialsCache cache;
        synchronized (caches) {
            cache = caches.get(identityId);
            if (cache == null) {
                if (caches.size() >= maxIdentities) {
                    caches.remove(caches.keySet().iterator().next());
                }
                cache = CredentialsCache.of(() -> fetch(identityId), clock, SOURCE + " identity " + identityId);
                caches.put(identityId, cache);
            }
        }
        return cache.resolveCredentials();
    }

    private CompletionStage<AwsCredentials> fetch(String identityId) {
        Map<String, String> identityLogins = logins.apply(identityId);
        return call("GetCredentialsForIdentity", CognitoIdentityCodec.getCredentialsRequest(identityId,
                identityLogins == null ? Map.of() : identityLogins))
                .map(CognitoIdentityCodec::credentials)
                .toFuture();
    }

    private Mono<byte[]> call(String operation, byte[] body) {
        return CredentialsHttp.SHARED.exchange("POST", endpoint, Map.of(CognitoIdentityCodec.TARGET_HEADER,
                        CognitoIdentityCodec.TARGET_PREFIX + operation, "Content-Type",
                        CognitoIdentityCodec.CONTENT_TYPE), body, TIMEOUT)
                .map(response -> {
                    if (!response.isSuccess()) {
                        String type = CognitoIdentityCodec.errorType(response.body());
                        throw new CredentialsException(SOURCE + ": " + operation + " answered HTTP "
                                + response.status() + (type == null ? "" : " " + type));
                    }
                    return response.body();
                })
                .onErrorMap(e -> !(e instanceof CredentialsException),
                        e -> new CredentialsException(SOURCE + ": " + operation + " failed at " + endpoint + " ("
                                + e.getClass().getSimpleName() + ")", e));
    }

    @Override
    public String toString() {
        return "CognitoIdentityCredentialsProvider[" + endpoint + "]";
    }

    /** Builds a {@link CognitoIdentityCredentialsProvider}. */
    public static final class Builder {
        private String region;
        private URI endpoint;
        private Function<String, Map<String, String>> logins = identityId -> Map.of();
        private Clock clock = Clock.systemUTC();
        private int maxIdentities = DEFAULT_MAX_IDENTITIES;

        private Builder() {
        }

        /**
         * The pool's region, which names the endpoint.
         *
         * @param region for example {@code us-east-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Another endpoint, for example the emulator's (it serves Cognito Identity on the same port).
         *
         * @param endpoint the endpoint
         * @return this builder
         */
        public Builder endpointOverride(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * The {@code Logins} of authenticated identities; unauthenticated ones have none.
         *
         * @param logins identity id to provider name and token
         * @return this builder
         */
        public Builder logins(Function<String, Map<String, String>> logins) {
            this.logins = Objects.requireNonNull(logins, "logins");
            return this;
        }

        /**
         * The clock expirations are compared with.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How many identities keep their credentials.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxIdentities(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxIdentities: must be >= 1, was " + max);
            }
            this.maxIdentities = max;
            return this;
        }

        /**
         * Builds the provider.
         *
         * @return the provider
         */
        public CognitoIdentityCredentialsProvider build() {
            return new CognitoIdentityCredentialsProvider(this);
        }
    }
}
