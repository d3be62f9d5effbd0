package dev.cogsync.spring;

import dev.cogsync.reactor.OverloadPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * The {@code cogsync.*} properties. Every one left unset keeps the library's default, documented in
 * {@link dev.cogsync.reactor.ClientOptions} and {@link dev.cogsync.reactor.WriterOptions}.
 */
@ConfigurationProperties("cogsync")
public class CogsyncProperties {

    /** AWS region; unset: aws.region, AWS_REGION, AWS_DEFAULT_REGION, the profile, then instance metadata. */
    private String region;
    /** Endpoint to use instead of cognito-sync.{region}.amazonaws.com, for an emulator. */
    private URI endpointOverride;
    /** The identity pool the application's users belong to; the health check probes it. */
    private String identityPoolId;
    /** Most connections in the client's pool. */
    private Integer maxConnections;
    /** Time allowed to open a connection. */
    private Duration connectTimeout;
    /** Time from a request being written to its response arriving. */
    private Duration responseTimeout;
    /** Time allowed for one attempt. */
    private Duration attemptTimeout;
    /** Time allowed for a call with all its retries. */
    private Duration apiCallTimeout;
    /** Whether the client's own calls are paced by each identity's adaptive send rate. */
    private Boolean adaptiveRate;
    /** Whether the client's connection pool publishes Reactor Netty's pool meters (needs Micrometer). */
    private Boolean connectionPoolMetrics;
    /** Most requests waiting for a connection; more fail at once. */
    private Integer pendingAcquireMaxCount;
    /** Longest wait for a connection. */
    private Duration pendingAcquireTimeout;
    /** Idle time after which a pooled connection is closed. */
    private Duration maxIdleTime;
    /** How often idle connections are closed in the background. */
    private Duration evictionInterval;
    /** Appended to the User-Agent header. */
    private String userAgentSuffix;
    /** Attempts of a client call, the first included (the retry policy's maxAttempts). */
    private Integer maxAttempts;
    /** The writer's options. */
    private final Writer writer = new Writer();
    /** The health indicator's options. */
    private final Health health = new Health();

    /** Every property unset: the library's defaults. */
    public CogsyncProperties() {
    }

    /** The {@code cogsync.writer.*} properties. */
    public static class Writer {

        /** Every writer property unset: the library's defaults. */
        public Writer() {
        }
        /** Time a write has, from subscription, to end with its record or error. */
        private Duration writeTimeout;
        /** Wait before the first request of an idle dataset. */
        private Duration linger;
        /** Most UpdateRecords requests in flight over all datasets. */
        private Integer maxInFlightRequests;
        /** Most writes pending in one dataset. */
        private Integer maxPendingPatchesPerDataset;
        /** Most writes pending in total. */
        private Integer maxPendingPatches;
        /** Most estimated bytes pending in total. */
        private Long maxPendingBytes;
        /** Most datasets whose state the writer holds. */
        private Integer maxActiveDatasets;
        /** What a write meets when the writer is full: FAIL_FAST or WAIT. */
        private OverloadPolicy overloadPolicy;
        /** How long a write waits for room under WAIT. */
        private Duration overloadWaitTimeout;
        /** How long closing flushes pending writes. */
        private Duration closeTimeout;
        /** The device id sent with every UpdateRecords. */
        private String deviceId;
        /** Whether each identity's send rate adapts to throttling. */
        private Boolean adaptiveRate;
        /** Most estimated bytes pending in one dataset. */
        private Long maxPendingBytesPerDataset;
        /** Idle time after which a dataset's state is evicted. */
        private Duration idleTimeout;
        /** Most writes waiting for room under WAIT. */
        private Integer maxWaitingWrites;
        /** Most times a managed write is resolved and retried after conflicts. */
        private Integer maxConflictRetries;
        /** Writes of one submitAll stream pending at once. */
        private Integer submitAllConcurrency;

        /** @return {@code cogsync.writer.write-timeout}, or {@code null} for the library default */
        public Duration getWriteTimeout() {
            return writeTimeout;
        }

        /** @param writeTimeout {@code cogsync.writer.write-timeout} */
        public void setWriteTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
        }

        /** @return {@code cogsync.writer.linger}, or {@code null} for the library default */
        public Duration getLinger() {
            return linger;
        }

        /** @param linger {@code cogsync.writer.linger} */
        public void setLinger(Duration linger) {
            this.linger = linger;
        }

        /** @return {@code cogsync.writer.max-in-flight-requests}, or {@code null} for the library default */
        public Integer getMaxInFlightRequests() {
            return maxInFlightRequests;
        }

        /** @param maxInFlightRequests {@code cogsync.writer.max-in-flight-requests} */
        public void setMaxInFlightRequests(Integer maxInFlightRequests) {
            this.maxInFlightRequests = maxInFlightRequests;
        }

        /** @return {@code cogsync.writer.max-pending-patches-per-dataset}, or {@code null} for the library default */
        public Integer getMaxPendingPatchesPerDataset() {
            return maxPendingPatchesPerDataset;
        }

        /** @param maxPendingPatchesPerDataset {@code cogsync.writer.max-pending-patches-per-dataset} */
        public void setMaxPendingPatchesPerDataset(Integer maxPendingPatchesPerDataset) {
            this.maxPendingPatchesPerDataset = maxPendingPatchesPerDataset;
        }

        /** @return {@code cogsync.writer.max-pending-patches}, or {@code null} for the library default */
        public Integer getMaxPendingPatches() {
            return maxPendingPatches;
        }

        /** @param maxPendingPatches {@code cogsync.writer.max-pending-patches} */
        public void setMaxPendingPatches(Integer maxPendingPatches) {
            this.maxPendingPatches = maxPendingPatches;
        }

        /** @return {@code cogsync.writer.max-pending-bytes}, or {@code null} for the library default */
        public Long getMaxPendingBytes() {
            return maxPendingBytes;
        }

        /** @param maxPendingBytes {@code cogsync.writer.max-pending-bytes} */
        public void setMaxPendingBytes(Long maxPendingBytes) {
            this.maxPendingBytes = maxPendingBytes;
        }

        /** @return {@code cogsync.writer.max-active-datasets}, or {@code null} for the library default */
        public Integer getMaxActiveDatasets() {
            return maxActiveDatasets;
        }

        /** @param maxActiveDatasets {@code cogsync.writer.max-active-datasets} */
        public void setMaxActiveDatasets(Integer maxActiveDatasets) {
            this.maxActiveDatasets = maxActiveDatasets;
        }

        /** @return {@code cogsync.writer.overload-policy}, or {@code null} for the library default */
        public OverloadPolicy getOverloadPolicy() {
            return overloadPolicy;
        }

        /** @param overloadPolicy {@code cogsync.writer.overload-policy} */
        public void setOverloadPolicy(OverloadPolicy overloadPolicy) {
            this.overloadPolicy = overloadPolicy;
        }

        /** @return {@code cogsync.writer.overload-wait-timeout}, or {@code null} for the library default */
        public Duration getOverloadWaitTimeout() {
            return overloadWaitTimeout;
        }

        /** @param overloadWaitTimeout {@code cogsync.writer.overload-wait-timeout} */
        public void setOverloadWaitTimeout(Duration overloadWaitTimeout) {
            this.overloadWaitTimeout = overloadWaitTimeout;
        }

        /** @return {@code cogsync.writer.close-timeout}, or {@code null} for the library default */
        public Duration getCloseTimeout() {
            return closeTimeout;
        }

        /** @param closeTimeout {@code cogsync.writer.close-timeout} */
        public void setCloseTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
        }

        /** @return {@code cogsync.writer.device-id}, or {@code null} for the library default */
        public String getDeviceId() {
            return deviceId;
        }

        /** @param deviceId {@code cogsync.writer.device-id} */
        public void setDeviceId(String deviceId) {
            this.deviceId = deviceId;
        }

        /** @return {@code cogsync.writer.adaptive-rate}, or {@code null} for the library default */
        public Boolean getAdaptiveRate() {
            return adaptiveRate;
        }

        /** @param adaptiveRate {@code cogsync.writer.adaptive-rate} */
        public void setAdaptiveRate(Boolean adaptiveRate) {
            this.adaptiveRate = adaptiveRate;
        }

        /** @return {@code cogsync.writer.max-pending-bytes-per-dataset}, or {@code null} for the library default */
        public Long getMaxPendingBytesPerDataset() {
            return maxPendingBytesPerDataset;
        }

        /** @param maxPendingBytesPerDataset {@code cogsync.writer.max-pending-bytes-per-dataset} */
        public void setMaxPendingBytesPerDataset(Long maxPendingBytesPerDataset) {
            this.maxPendingBytesPerDataset = maxPendingBytesPerDataset;
        }

        /** @return {@code cogsync.writer.idle-timeout}, or {@code null} for the library default */
        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        /** @param idleTimeout {@code cogsync.writer.idle-timeout} */
        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        /** @return {@code cogsync.writer.max-waiting-writes}, or {@code null} for the library default */
        public Integer getMaxWaitingWrites() {
            return maxWaitingWrites;
        }

        /** @param maxWaitingWrites {@code cogsync.writer.max-waiting-writes} */
        public void setMaxWaitingWrites(Integer maxWaitingWrites) {
            this.maxWaitingWrites = maxWaitingWrites;
        }

        /** @return {@code cogsync.writer.max-conflict-retries}, or {@code null} for the library default */
        public Integer getMaxConflictRetries() {
            return maxConflictRetries;
        }

        /** @param maxConflictRetries {@code cogsync.writer.max-conflict-retries} */
        public void setMaxConflictRetries(Integer maxConflictRetries) {
            this.maxConflictRetries = maxConflictRetries;
        }

        /** @return {@code cogsync.writer.submit-all-concurrency}, or {@code null} for the library default */
        public Integer getSubmitAllConcurrency() {
            return submitAllConcurrency;
        }

        /** @param submitAllConcurrency {@code cogsync.writer.submit-all-concurrency} */
        public void setSubmitAllConcurrency(Integer submitAllConcurrency) {
            this.submitAllConcurrency = submitAllConcurrency;
        }
    }

    /** The {@code cogsync.health.*} properties. */
    public static class Health {

        /** The defaults: results reused for 10 s, a probe allowed 5 s. */
        public Health() {
        }
        /** How long a health result is reused, so that health checks never load the service. */
        private Duration cacheTtl = Duration.ofSeconds(10);
        /** How long the probe may take before the service counts as down. */
        private Duration timeout = Duration.ofSeconds(5);

        /** @return {@code cogsync.health.cache-ttl} */
        public Duration getCacheTtl() {
            return cacheTtl;
        }

        /** @param cacheTtl {@code cogsync.health.cache-ttl} */
        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        /** @return {@code cogsync.health.timeout} */
        public Duration getTimeout() {
            return timeout;
        }

        /** @param timeout {@code cogsync.health.timeout} */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** @return {@code cogsync.region}, or {@code null} for the library default */
    public String getRegion() {
        return region;
    }

    /** @param region {@code cogsync.region} */
    public void setRegion(String region) {
        this.region = region;
    }

    /** @return {@code cogsync.endpoint-override}, or {@code null} for the library default */
    public URI getEndpointOverride() {
        return endpointOverride;
    }

    /** @param endpointOverride {@code cogsync.endpoint-override} */
    public void setEndpointOverride(URI endpointOverride) {
        this.endpointOverride = endpointOverride;
    }

    /** @return {@code cogsync.identity-pool-id}, or {@code null} for the library default */
    public String getIdentityPoolId() {
        return identityPoolId;
    }

    /** @param identityPoolId {@code cogsync.identity-pool-id} */
    public void setIdentityPoolId(String identityPoolId) {
        this.identityPoolId = identityPoolId;
    }

    /** @return {@code cogsync.max-connections}, or {@code null} for the library default */
    public Integer getMaxConnections() {
        return maxConnections;
    }

    /** @param maxConnections {@code cogsync.max-connections} */
    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** @return {@code cogsync.connect-timeout}, or {@code null} for the library default */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** @param connectTimeout {@code cogsync.connect-timeout} */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return {@code cogsync.response-timeout}, or {@code null} for the library default */
    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    /** @param responseTimeout {@code cogsync.response-timeout} */
    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /** @return {@code cogsync.attempt-timeout}, or {@code null} for the library default */
    public Duration getAttemptTimeout() {
        return attemptTimeout;
    }

    /** @param attemptTimeout {@code cogsync.attempt-timeout} */
    public void setAttemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
    }

    /** @return {@code cogsync.api-call-timeout}, or {@code null} for the library default */
    public Duration getApiCallTimeout() {
        return apiCallTimeout;
    }

    /** @param apiCallTimeout {@code cogsync.api-call-timeout} */
    public void setApiCallTimeout(Duration apiCallTimeout) {
        this.apiCallTimeout = apiCallTimeout;
    }

    /** @return {@code cogsync.adaptive-rate}, or {@code null} for the library default */
    public Boolean getAdaptiveRate() {
        return adaptiveRate;
    }

    /** @param adaptiveRate {@code cogsync.adaptive-rate} */
    public void setAdaptiveRate(Boolean adaptiveRate) {
        this.adaptiveRate = adaptiveRate;
    }

    /** @return {@code cogsync.connection-pool-metrics}, or {@code null} for the library default */
    public Boolean getConnectionPoolMetrics() {
        return connectionPoolMetrics;
    }

    /** @param connectionPoolMetrics {@code cogsync.connection-pool-metrics} */
    public void setConnectionPoolMetrics(Boolean connectionPoolMetrics) {
        this.connectionPoolMetrics = connectionPoolMetrics;
    }

    /** @return the {@code cogsync.writer.*} properties */
    public Writer getWriter() {
        return writer;
    }

    /** @return the {@code cogsync.health.*} properties */
    public Health getHealth() {
        return health;
    }
    /** @return {@code cogsync.pending-acquire-max-count}, or {@code null} for the library default */
    public Integer getPendingAcquireMaxCount() {
        return pendingAcquireMaxCount;
    }

    /** @param pendingAcquireMaxCount {@code cogsync.pending-acquire-max-count} */
    public void setPendingAcquireMaxCount(Integer pendingAcquireMaxCount) {
        this.pendingAcquireMaxCount = pendingAcquireMaxCount;
    }

    /** @return {@code cogsync.pending-acquire-timeout}, or {@code null} for the library default */
    public Duration getPendingAcquireTimeout() {
        return pendingAcquireTimeout;
    }

    /** @param pendingAcquireTimeout {@code cogsync.pending-acquire-timeout} */
    public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
        this.pendingAcquireTimeout = pendingAcquireTimeout;
    }

    /** @return {@code cogsync.max-idle-time}, or {@code null} for the library default */
    public Duration getMaxIdleTime() {
        return maxIdleTime;
    }

    /** @param maxIdleTime {@code cogsync.max-idle-time} */
    public void setMaxIdleTime(Duration maxIdleTime) {
        this.maxIdleTime = maxIdleTime;
    }

    /** @return {@code cogsync.eviction-interval}, or {@code null} for the library default */
    public Duration getEvictionInterval() {
        return evictionInterval;
    }

    /** @param evictionInterval {@code cogsync.eviction-interval} */
    public void setEvictionInterval(Duration evictionInterval) {
        this.evictionInterval = evictionInterval;
    }

    /** @return {@code cogsync.user-agent-suffix}, or {@code null} for the library default */
    public String getUserAgentSuffix() {
        return userAgentSuffix;
    }

    /** @param userAgentSuffix {@code cogsync.user-agent-suffix} */
    public void setUserAgentSuffix(String userAgentSuffix) {
        this.userAgentSuffix = userAgentSuffix;
    }

    /** @return {@code cogsync.max-attempts}, or {@code null} for the library default */
    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    /** @param maxAttempts {@code cogsync.max-attempts} */
    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }
}
