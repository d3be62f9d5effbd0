package dev.cogsync.reactor;

import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.IdentityCredentialsProvider;
import dev.cogsync.retry.RetryPolicy;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link CognitoSyncClient} is configured with. Immutable; {@link #builder()} starts from the
 * defaults and {@link #toBuilder()} from these settings.
 *
 * <p>The defaults, in one place:
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>region</td><td>resolved once at build: {@code aws.region}, {@code AWS_REGION},
 *       {@code AWS_DEFAULT_REGION}, then the profile's {@code region}</td></tr>
 *   <tr><td>endpoint</td><td>{@code https://cognito-sync.{region}.amazonaws.com} ({@code .com.cn} in China)</td></tr>
 *   <tr><td>credentials</td><td>{@link dev.cogsync.reactor.auth.DefaultCredentialsChain}: the AWS SDKs'
 *       chain (system properties, environment, web identity, profiles, container endpoint, EC2 instance
 *       metadata)</td></tr>
 *   <tr><td>maxConnections</td><td>{@value #DEFAULT_MAX_CONNECTIONS}</td></tr>
 *   <tr><td>pendingAcquireMaxCount</td><td>{@value #DEFAULT_PENDING_ACQUIRE_MAX_COUNT} requests waiting for a
 *       connection; more fail at once</td></tr>
 *   <tr><td>pendingAcquireTimeout</td><td>10 s</td></tr>
 *   <tr><td>maxIdleTime</td><td>50 s, under the usual 60 s idle timeout of AWS load balancers</td></tr>
 *   <tr><td>evictionInterval</td><td>10 s: idle connections are closed in the background</td></tr>
 *   <tr><td>connectTimeout</td><td>2 s</td></tr>
 *   <tr><td>responseTimeout</td><td>20 s from the request being written to the response arriving</td></tr>
 *   <tr><td>attemptTimeout</td><td>30 s for one attempt, from acquiring a connection to the last body
 *       byte</td></tr>
 *   <tr><td>apiCallTimeout</td><td>2 min for a call with all its retries and backoff</td></tr>
 *   <tr><td>retryPolicy</td><td>{@link RetryPolicy#defaults()}: the AWS SDK standard mode, 3 attempts</td></tr>
 *   <tr><td>adaptiveRate</td><td>off for the client's own calls: when on, each identity's calls are paced by
 *       an adaptive send rate ({@link dev.cogsync.retry.AdaptiveRateLimiter}, the AWS SDKs' adaptive retry
 *       mode). A {@link CoalescingWriter} uses the same per-identity rates whatever this says</td></tr>
 *   <tr><td>userAgentSuffix</td><td>none</td></tr>
 *   <tr><td>attemptListener</td><td>{@link AttemptListener#NONE}</td></tr>
 *   <tr><td>connectionPoolMetrics</td><td>off: when on, Reactor Netty publishes the client's own pool's
 *       {@code reactor.netty.connection.provider.*} meters (pool name {@code cogsync}) to Micrometer's global
 *       registry, {@code Metrics.globalRegistry}; needs {@code micrometer-core}</td></tr>
 *   <tr><td>httpClient / connectionProvider</td><td>none: the client creates and owns its own pool</td></tr>
 * </table>
 *
 * <p>When {@link Builder#httpClient(HttpClient)} or {@link Builder#connectionProvider(ConnectionProvider)} is
 * given, the client uses it and never disposes it; the pool settings above then do not apply, and the client
 * applies its timeouts and disables Reactor Netty's transparent retry on its own copy of the {@code HttpClient}.
 *
 * <p>The attempt and call timeouts run on one timer for the whole process, a daemon thread named
 * {@code cogsync-timeouts} that ticks every 10 ms, so they fire up to 10 ms late; what follows a timeout (the
 * backoff before a retry, or the error reaching the subscriber) starts on that thread. The response timeout is
 * Netty's, on the connection's event loop.
 */
public final class ClientOptions {

    /** Default maximum connections in the client's own pool: {@value}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 128;
    /** Default maximum requests waiting for a connection: {@value}. */
    public static final int DEFAULT_PENDING_ACQUIRE_MAX_COUNT = 1024;

    private final String region;
    private final URI endpointOverride;
    private final CredentialsProvider credentialsProvider;
    private final int maxConnections;
    private final int pendingAcquireMaxCount;
    private final Duration pendingAcquireTimeout;
    private final Duration maxIdleTime;
    private final Duration evictionInterval;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration attemptTimeout;
    private final Duration apiCallTimeout;
    private final RetryPolicy retryPolicy;
    private final boolean adaptiveRate;
    private final boolean connectionPoolMetrics;
    private final AttemptListener attemptListener;
    private final IdentityCredentialsProvider identityCredentialsProvider;
    private final String userAgentSuffix;
    private final HttpClient httpClient;
    private final ConnectionProvider connectionProvider;
    private final Clock clock;

    private ClientOptions(Builder builder) {
        this.region = builder.region;
        this.endpointOverride = builder.endpointOverride;
        this.credentialsProvider = builder.credentialsProvider;
        this.maxConnections = positive("maxConnections", builder.maxConnections);
        this.pendingAcquireMaxCount = positive("pendingAcquireMaxCount", builder.pendingAcquireMaxCount);
        this.pendingAcquireTimeout = positive("pendingAcquireTimeout", builder.pendingAcquireTimeout);
        this.maxIdleTime = positive("maxIdleTime", builder.maxIdleTime);
        this.evictionInterval = positive("evictionInterval", builder.evictionInterval);
        this.connectTimeout = positive("connectTimeout", builder.connectTimeout);
        this.responseTimeout = positive("responseTimeout", builder.responseTimeout);
        this.attemptTimeout = positive("attemptTimeout", builder.attemptTimeout);
        this.apiCallTimeout = positive("apiCallTimeout", builder.apiCallTimeout);
        this.retryPolicy = Objects.requireNonNull(builder.retryPolicy, "retryPolicy");
        this.adaptiveRate = builder.adaptiveRate;
        this.connectionPoolMetrics = builder.connectionPoolMetrics;
        this.attemptListener = java.util.Objects.requireNonNull(builder.attemptListener, "attemptListener");
        if (connectionPoolMetrics && !micrometerPresent()) {
            throw new IllegalArgumentException("connectionPoolMetrics: needs io.micrometer:micrometer-core on the "
                    + "classpath");
        }
        this.identityCredentialsProvider = builder.identityCredentialsProvider;
        this.userAgentSuffix = builder.userAgentSuffix;
        this.httpClient = builder.httpClient;
        this.connectionProvider = builder.connectionProvider;
        this.clock = Objects.requireNonNull(builder.clock, "clock");
        if (httpClient != null && connectionProvider != null) {
            throw new IllegalArgumentException("httpClient, connectionProvider: give at most one of them");
        }
        if (userAgentSuffix != null && userAgentSuffix.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("userAgentSuffix: must not contain control characters");
        }
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": must be >= 1, was " + value);
        }
        return value;
    }

    private static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": must be positive, was " + value);
        }
        return value;
    }

    /**
     * A builder with every default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with these settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.region = region;
        builder.endpointOverride = endpointOverride;
        builder.credentialsProvider = credentialsProvider;
        builder.maxConnections = maxConnections;
        builder.pendingAcquireMaxCount = pendingAcquireMaxCount;
        builder.pendingAcquireTimeout = pendingAcquireTimeout;
        builder.maxIdleTime = maxIdleTime;
        builder.evictionInterval = evictionInterval;
        builder.connectTimeout = connectTimeout;
        builder.responseTimeout = responseTimeout;
        builder.attemptTimeout = attemptTimeout;
        builder.apiCallTimeout = apiCallTimeout;
        builder.retryPolicy = retryPolicy;
        builder.adaptiveRate = adaptiveRate;
        builder.connectionPoolMetrics = connectionPoolMetrics;
        builder.attemptListener = attemptListener;
        builder.identityCredentialsProvider = identityCredentialsProvider;
        builder.userAgentSuffix = userAgentSuffix;
        builder.httpClient = httpClient;
        builder.connectionProvider = connectionProvider;
        builder.clock = clock;
        return builder;
    }

    /** @return the region, or {@code null} to resolve it from the environment when the client is built */
    public String region() {
        return region;
    }

    /** @return the endpoint override, or {@code null} for the regional endpoint */
    public URI endpointOverride() {
        return endpointOverride;
    }

    /** @return the credentials provider, or {@code null} for the default chain */
    public CredentialsProvider credentialsProvider() {
        return credentialsProvider;
    }

    /** @return the maximum connections of the client's own pool */
    public int maxConnections() {
        return maxConnections;
    }

    /** @return the maximum requests waiting for a connection before new ones fail */
    public int pendingAcquireMaxCount() {
        return pendingAcquireMaxCount;
    }

    /** @return how long a request waits for a connection */
    public Duration pendingAcquireTimeout() {
        return pendingAcquireTimeout;
    }

    /** @return how long a connection may stay idle in the pool */
    public Duration maxIdleTime() {
        return maxIdleTime;
    }

    /** @return how often idle connections are evicted in the background */
    public Duration evictionInterval() {
        return evictionInterval;
    }

    /** @return the TCP connect timeout */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the time allowed from writing the request to receiving the response */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** @return the time allowed for one attempt */
    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    /** @return the time allowed for a call with all its retries */
    public Duration apiCallTimeout() {
        return apiCallTimeout;
    }

    /** @return the retry policy */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Whether the client's own calls are paced by each identity's adaptive send rate.
     *
     * @return {@code true} when on; off by default
     */
    public boolean adaptiveRate() {
        return adaptiveRate;
    }

    /** @return who is told about each HTTP attempt */
    public AttemptListener attemptListener() {
        return attemptListener;
    }

    /** @return whether the client's own connection pool publishes Reactor Netty's pool meters */
    public boolean connectionPoolMetrics() {
        return connectionPoolMetrics;
    }

    private static boolean micrometerPresent() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, ClientOptions.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Credentials per Cognito identity, which sign each request with its dataset's identity's credentials.
     *
     * @return the provider, or {@code null} when every request is signed with {@link #credentialsProvider()}
     */
    public IdentityCredentialsProvider identityCredentialsProvider() {
        return identityCredentialsProvider;
    }

    /** @return the user agent suffix, or {@code null} */
    public String userAgentSuffix() {
        return userAgentSuffix;
    }

    /** @return the caller's HTTP client, or {@code null} */
    public HttpClient httpClient() {
        return httpClient;
    }

    /** @return the caller's connection provider, or {@code null} */
    public ConnectionProvider connectionProvider() {
        return connectionProvider;
    }

    /** @return the clock that dates signatures */
    public Clock clock() {
        return clock;
    }

    /** Builds {@link ClientOptions}; not thread-safe. */
    public static final class Builder {
        private String region;
        private URI endpointOverride;
        private CredentialsProvider credentialsProvider;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int pendingAcquireMaxCount = DEFAULT_PENDING_ACQUIRE_MAX_COUNT;
        private Duration pendingAcquireTimeout = Duration.ofSeconds(10);
        private Duration maxIdleTime = Duration.ofSeconds(50);
        private Duration evictionInterval = Duration.ofSeconds(10);
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration responseTimeout = Duration.ofSeconds(20);
        private Duration attemptTimeout = Duration.ofSeconds(30);
        private Duration apiCallTimeout = Duration.ofMinutes(2);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean adaptiveRate;
        private boolean connectionPoolMetrics;
        private AttemptListener attemptListener = AttemptListener.NONE;
        private IdentityCredentialsProvider identityCredentialsProvider;
        private String userAgentSuffix;
        private HttpClient httpClient;
        private ConnectionProvider connectionProvider;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the region, which also scopes the signature.
         *
         * @param region for example {@code us-east-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Sends requests to another endpoint, for example the local emulator. {@code http} is accepted for
         * loopback hosts only.
         *
         * @param endpoint the scheme, host and port
         * @return this builder
         */
        public Builder endpointOverride(URI endpoint) {
            this.endpointOverride = endpoint;
            return this;
        }

        /**
         * Sets where credentials come from.
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder credentialsProvider(CredentialsProvider provider) {
            this.credentialsProvider = provider;
            return this;
        }

        /**
         * Sets the maximum connections of the client's own pool.
         *
         * @param maxConnections at least 1
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Sets how many requests may wait for a connection; more fail at once.
         *
         * @param count at least 1
         * @return this builder
         */
        public Builder pendingAcquireMaxCount(int count) {
            this.pendingAcquireMaxCount = count;
            return this;
        }

        /**
         * Sets how long a request waits for a connection.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder pendingAcquireTimeout(Duration timeout) {
            this.pendingAcquireTimeout = timeout;
            return this;
        }

        /**
         * Sets how long a connection may stay idle in the pool.
         *
         * @param maxIdleTime positive
         * @return this builder
         */
        public Builder maxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = maxIdleTime;
            return this;
        }

        /**
         * Sets how often idle connections are evicted in the background.
         *
         * @param interval positive
         * @return this builder
         */
        public Builder evictionInterval(Duration interval) {
            this.evictionInterval = interval;
            return this;
        }

        /**
         * Sets the TCP connect timeout.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * Sets the time allowed from writing a request to receiving its response.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = timeout;
            return this;
        }

        /**
         * Sets the time allowed for one attempt, from acquiring a connection to reading the last byte.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder attemptTimeout(Duration timeout) {
            this.attemptTimeout = timeout;
            return this;
        }

        /**
         * Sets the time allowed for a call with all its retries and backoff.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder apiCallTimeout(Duration timeout) {
            this.apiCallTimeout = timeout;
            return this;
        }

        /**
         * Signs each request with the credentials of its dataset's identity, for example from
         * {@link dev.cogsync.reactor.auth.CognitoIdentityCredentialsProvider}: one client acting for many users.
         * {@link #credentialsProvider} is then not used for Cognito Sync calls.
         *
         * @param provider the per-identity credentials, or {@code null} to sign everything with one provider
         * @return this builder
         */
        public Builder identityCredentialsProvider(IdentityCredentialsProvider provider) {
            this.identityCredentialsProvider = provider;
            return this;
        }

        /**
         * Paces the client's own calls by each identity's adaptive send rate (off by default).
         *
         * @param adaptive whether to pace calls
         * @return this builder
         */
        public Builder adaptiveRate(boolean adaptive) {
            this.adaptiveRate = adaptive;
            return this;
        }

        /**
         * Sets who is told about each HTTP attempt, for metrics and tracing, such as a
         * {@link dev.cogsync.reactor.micrometer.CogsyncMeters}.
         *
         * @param listener told about each attempt; {@link AttemptListener#NONE} for nobody
         * @return this builder
         */
        public Builder attemptListener(AttemptListener listener) {
            this.attemptListener = listener;
            return this;
        }

        /**
         * Sets whether the client's own connection pool publishes Reactor Netty's pool meters (active, idle,
         * pending and total connections, acquire time) to {@code Metrics.globalRegistry}, under the pool name
         * {@code cogsync}. Ignored when {@link #httpClient(HttpClient)} or
         * {@link #connectionProvider(ConnectionProvider)} is set: that pool is the caller's to instrument.
         *
         * @param enabled whether to publish the pool meters; needs {@code micrometer-core}
         * @return this builder
         */
        public Builder connectionPoolMetrics(boolean enabled) {
            this.connectionPoolMetrics = enabled;
            return this;
        }

        /**
         * Sets the retry policy; {@link RetryPolicy#none()} turns retries off.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        /**
         * Appends text to the {@code User-Agent} header.
         *
         * @param suffix for example {@code my-app/1.2}, or {@code null}
         * @return this builder
         */
        public Builder userAgentSuffix(String suffix) {
            this.userAgentSuffix = suffix;
            return this;
        }

        /**
         * Uses the caller's HTTP client as the base; the client never disposes it.
         *
         * @param httpClient the client, or {@code null}
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /**
         * Uses the caller's connection pool; the client never disposes it.
         *
         * @param provider the pool, or {@code null}
         * @return this builder
         */
        public Builder connectionProvider(ConnectionProvider provider) {
            this.connectionProvider = provider;
            return this;
        }

        /**
         * Sets the clock that dates signatures.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException when a setting is out of range
         */
        public ClientOptions build() {
            return new ClientOptions(this);
        }
    }
}
