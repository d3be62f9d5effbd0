package dev.cogsync.reactor;

import dev.cogsync.batch.BatchLimits;
import dev.cogsync.batch.ConflictResolver;
import dev.cogsync.retry.RetryPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link CoalescingWriter} is configured with. Immutable; {@link #builder()} starts from the
 * defaults, {@link #toBuilder()} from these settings.
 *
 * <p>The defaults, in one place:
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>batchLimits</td><td>{@link BatchLimits#defaults()}: 1,024 patches and 900,000 estimated bytes per
 *       request, under the service's 1 MB</td></tr>
 *   <tr><td>writeTimeout</td><td>30 s per write, from subscription to its record or error: queueing,
 *       ListRecords, every attempt and every backoff; {@link CoalescingWriter} overloads take one per write.
 *       Long enough to ride out several throttling backoffs (1 s, 2 s, 4 s, ... with full jitter) and a brief
 *       outage; shorter than the 60 s idle timeout of AWS load balancers, so a web request behind one gets its
 *       answer before the balancer gives up</td></tr>
 *   <tr><td>adaptiveRate</td><td>on: each identity's send rate adapts to throttling (see
 *       {@link dev.cogsync.retry.AdaptiveRateLimiter}), shared with the client's own calls</td></tr>
 *   <tr><td>linger</td><td>0: an idle dataset's first write is sent at once</td></tr>
 *   <tr><td>maxInFlightRequests</td><td>64 UpdateRecords (and their ListRecords) at once, over all
 *       datasets; one per dataset always</td></tr>
 *   <tr><td>maxPendingPatchesPerDataset / maxPendingBytesPerDataset</td><td>10,000 / 16 MiB</td></tr>
 *   <tr><td>maxPendingPatches / maxPendingBytes</td><td>100,000 / 128 MiB in total</td></tr>
 *   <tr><td>maxActiveDatasets</td><td>100,000; idle ones are evicted first. An active dataset costs about
 *       1.1 KB of heap (measured by {@code java -jar cogsync-benchmarks.jar footprint}), plus about 100 bytes for
 *       each record whose sync count the writer knows, so the bound holds a server's 50,000 users writing at once
 *       with room to spare, at roughly 110 MB when every slot is in use. Reaching it is logged (WARN) and counted
 *       ({@link WriterStats#datasetBoundReached()})</td></tr>
 *   <tr><td>idleTimeout</td><td>60 s: a dataset with nothing pending for this long is evicted, with its
 *       session token and known sync counts</td></tr>
 *   <tr><td>overloadPolicy</td><td>{@link OverloadPolicy#FAIL_FAST}</td></tr>
 *   <tr><td>overloadWaitTimeout / maxWaitingWrites</td><td>5 s / 100,000, for {@link OverloadPolicy#WAIT}</td></tr>
 *   <tr><td>conflictResolver</td><td>{@link ConflictResolver#LAST_WRITER_WINS}, for managed writes</td></tr>
 *   <tr><td>maxConflictRetries</td><td>unbounded: a managed write whose resolver keeps its value resolves,
 *       with a jittered backoff, until it wins or its deadline passes</td></tr>
 *   <tr><td>retryPolicy</td><td>the client's, for its backoff bases, cap and {@code Retry-After} bound; its
 *       {@code maxAttempts} does not apply (the write's deadline bounds its retries), and a spent retry quota
 *       lengthens backoffs to the cap instead of failing writes</td></tr>
 *   <tr><td>deviceId</td><td>none</td></tr>
 *   <tr><td>closeTimeout</td><td>30 s for {@link CoalescingWriter#close()} to flush</td></tr>
 *   <tr><td>submitAllConcurrency</td><td>256 writes of one {@code submitAll} stream pending at once</td></tr>
 *   <tr><td>listener</td><td>{@link WriterListener#NONE}</td></tr>
 * </table>
 */
public final class WriterOptions {

    private final BatchLimits batchLimits;
    private final Duration writeTimeout;
    private final boolean adaptiveRate;
    private final Duration linger;
    private final int maxInFlightRequests;
    private final int maxPendingPatchesPerDataset;
    private final long maxPendingBytesPerDataset;
    private final int maxPendingPatches;
    private final long maxPendingBytes;
    private final int maxActiveDatasets;
    private final Duration idleTimeout;
    private final OverloadPolicy overloadPolicy;
    private final Duration overloadWaitTimeout;
    private final int maxWaitingWrites;
    private final ConflictResolver conflictResolver;
    private final int maxConflictRetries;
    private final RetryPolicy retryPolicy;
    private final String deviceId;
    private final Duration closeTimeout;
    private final int submitAllConcurrency;
    private final WriterListener listener;

    private WriterOptions(Builder b) {
        this.batchLimits = Objects.requireNonNull(b.batchLimits, "batchLimits");
        this.writeTimeout = positive("writeTimeout", b.writeTimeout);
        this.adaptiveRate = b.adaptiveRate;
        this.linger = nonNegative("linger", b.linger);
        this.maxInFlightRequests = atLeastOne("maxInFlightRequests", b.maxInFlightRequests);
        this.maxPendingPatchesPerDataset = atLeastOne("maxPendingPatchesPerDataset", b.maxPendingPatchesPerDataset);
        this.maxPendingBytesPerDataset = atLeastOne("maxPendingBytesPerDataset", b.maxPendingBytesPerDataset);
        this.maxPendingPatches = atLeastOne("maxPendingPatches", b.maxPendingPatches);
        this.maxPendingBytes = atLeastOne("maxPendingBytes", b.maxPendingBytes);
        this.maxActiveDatasets = atLeastOne("maxActiveDatasets", b.maxActiveDatasets);
        this.idleTimeout = positive("idleTimeout", b.idleTimeout);
        this.overloadPolicy = Objects.requireNonNull(b.overloadPolicy, "overloadPolicy");
        this.overloadWaitTimeout = positive("overloadWaitTimeout", b.overloadWaitTimeout);
        this.maxWaitingWrites = atLeastOne("maxWaitingWrites", b.maxWaitingWrites);
        this.conflictResolver = Objects.requireNonNull(b.conflictResolver, "conflictResolver");
        if (b.maxConflictRetries < 0) {
            throw new IllegalArgumentException("maxConflictRetries: must be >= 0, was " + b.maxConflictRetries);
        }
        this.maxConflictRetries = b.maxConflictRetries;
        this.retryPolicy = b.retryPolicy;
        this.deviceId = b.deviceId;
        this.closeTimeout = positive("closeTimeout", b.closeTimeout);
        this.submitAllConcurrency = atLeastOne("submitAllConcurrency", b.submitAllConcurrency);
        this.listener = Objects.requireNonNull(b.listener, "listener");
        if (deviceId != null && (deviceId.isEmpty() || deviceId.length() > 256)) {
            throw new IllegalArgumentException("deviceId: length must be between 1 and 256 characters, was "
                    + deviceId.length());
        }
    }

    private static int atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": must be >= 1, was " + value);
        }
        return value;
    }

    private static long atLeastOne(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": must be >= 1, was " + value);
        }
        return value;
    }

    private static Duration nonNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + ": must not be negative, was " + value);
        }
        return value;
    }

    private static Duration positive(String name, Duration value) {
        if (nonNegative(name, value).isZero()) {
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
     * The default options.
     *
     * @return the defaults
     */
    public static WriterOptions defaults() {
        return builder().build();
    }

    /**
     * A builder with these settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.batchLimits = batchLimits;
        b.writeTimeout = writeTimeout;
        b.adaptiveRate = adaptiveRate;
        b.linger = linger;
        b.maxInFlightRequests = maxInFlightRequests;
        b.maxPendingPatchesPerDataset = maxPendingPatchesPerDataset;
        b.maxPendingBytesPerDataset = maxPendingBytesPerDataset;
        b.maxPendingPatches = maxPendingPatches;
        b.maxPendingBytes = maxPendingBytes;
        b.maxActiveDatasets = maxActiveDatasets;
        b.idleTimeout = idleTimeout;
        b.overloadPolicy = overloadPolicy;
        b.overloadWaitTimeout = overloadWaitTimeout;
        b.maxWaitingWrites = maxWaitingWrites;
        b.conflictResolver = conflictResolver;
        b.maxConflictRetries = maxConflictRetries;
        b.retryPolicy = retryPolicy;
        b.deviceId = deviceId;
        b.closeTimeout = closeTimeout;
        b.submitAllConcurrency = submitAllConcurrency;
        b.listener = listener;
        return b;
    }

    /** @return the caps on one request */
    public BatchLimits batchLimits() {
        return batchLimits;
    }

    /** @return the time a write has, from subscription, to end with its record or error */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** @return whether each identity's send rate adapts to throttling */
    public boolean adaptiveRate() {
        return adaptiveRate;
    }

    /** @return the wait before the first request of an idle dataset */
    public Duration linger() {
        return linger;
    }

    /** @return the most requests in flight over all datasets */
    public int maxInFlightRequests() {
        return maxInFlightRequests;
    }

    /** @return the most patches pending for one dataset */
    public int maxPendingPatchesPerDataset() {
        return maxPendingPatchesPerDataset;
    }

    /** @return the most estimated bytes pending for one dataset */
    public long maxPendingBytesPerDataset() {
        return maxPendingBytesPerDataset;
    }

    /** @return the most patches pending in total */
    public int maxPendingPatches() {
        return maxPendingPatches;
    }

    /** @return the most estimated bytes pending in total */
    public long maxPendingBytes() {
        return maxPendingBytes;
    }

    /** @return the most datasets with state held at once */
    public int maxActiveDatasets() {
        return maxActiveDatasets;
    }

    /** @return how long a dataset may sit idle before it is evicted */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return what happens to a write when the writer is full */
    public OverloadPolicy overloadPolicy() {
        return overloadPolicy;
    }

    /** @return how long {@link OverloadPolicy#WAIT} holds a write */
    public Duration overloadWaitTimeout() {
        return overloadWaitTimeout;
    }

    /** @return the most writes held by {@link OverloadPolicy#WAIT} and {@code submitAll} at once */
    public int maxWaitingWrites() {
        return maxWaitingWrites;
    }

    /** @return the resolver of managed writes' conflicts */
    public ConflictResolver conflictResolver() {
        return conflictResolver;
    }

    /** @return how many conflicts one managed write may resolve before it fails */
    public int maxConflictRetries() {
        return maxConflictRetries;
    }

    /** @return the retry policy, or {@code null} for the client's */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return the device id sent with every request, or {@code null} */
    public String deviceId() {
        return deviceId;
    }

    /** @return how long {@link CoalescingWriter#close()} flushes before failing what is left */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** @return how many writes of one {@code submitAll} stream may be pending at once */
    public int submitAllConcurrency() {
        return submitAllConcurrency;
    }

    /** @return who is told how each write ended */
    public WriterListener listener() {
        return listener;
    }

    /** Builds {@link WriterOptions}; not thread-safe. */
    public static final class Builder {
        private BatchLimits batchLimits = BatchLimits.defaults();
        private Duration writeTimeout = Duration.ofSeconds(30);
        private boolean adaptiveRate = true;
        private Duration linger = Duration.ZERO;
        private int maxInFlightRequests = 64;
        private int maxPendingPatchesPerDataset = 10_000;
        private long maxPendingBytesPerDataset = 16L << 20;
        private int maxPendingPatches = 100_000;
        private long maxPendingBytes = 128L << 20;
        private int maxActiveDatasets = 100_000;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private OverloadPolicy overloadPolicy = OverloadPolicy.FAIL_FAST;
        private Duration overloadWaitTimeout = Duration.ofSeconds(5);
        private int maxWaitingWrites = 100_000;
        private ConflictResolver conflictResolver = ConflictResolver.LAST_WRITER_WINS;
        private int maxConflictRetries = Integer.MAX_VALUE;
        private RetryPolicy retryPolicy;
        private String deviceId;
        private Duration closeTimeout = Duration.ofSeconds(30);
        private int submitAllConcurrency = 256;
        private WriterListener listener = WriterListener.NONE;

        private Builder() {
        }

        /**
         * Sets the caps on one request.
         *
         * @param limits the caps on one request
         * @return this builder
         */
        public Builder batchLimits(BatchLimits limits) {
            this.batchLimits = limits;
            return this;
        }

        /**
         * Sets the time each write has, from subscription to its outcome.
         *
         * @param timeout the time each write has, from subscription to its outcome
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = timeout;
            return this;
        }

        /**
         * Sets whether each identity's send rate adapts to throttling.
         *
         * @param adaptive whether each identity's send rate adapts to throttling
         * @return this builder
         */
        public Builder adaptiveRate(boolean adaptive) {
            this.adaptiveRate = adaptive;
            return this;
        }

        /**
         * Sets the wait before an idle dataset's first request, 0 for none.
         *
         * @param linger the wait before an idle dataset's first request, 0 for none
         * @return this builder
         */
        public Builder linger(Duration linger) {
            this.linger = linger;
            return this;
        }

        /**
         * Sets the most requests in flight over all datasets.
         *
         * @param max the most requests in flight over all datasets
         * @return this builder
         */
        public Builder maxInFlightRequests(int max) {
            this.maxInFlightRequests = max;
            return this;
        }

        /**
         * Sets the most patches pending for one dataset.
         *
         * @param max the most patches pending for one dataset
         * @return this builder
         */
        public Builder maxPendingPatchesPerDataset(int max) {
            this.maxPendingPatchesPerDataset = max;
            return this;
        }

        /**
         * Sets the most estimated bytes pending for one dataset.
         *
         * @param max the most estimated bytes pending for one dataset
         * @return this builder
         */
        public Builder maxPendingBytesPerDataset(long max) {
            this.maxPendingBytesPerDataset = max;
            return this;
        }

        /**
         * Sets the most patches pending in total.
         *
         * @param max the most patches pending in total
         * @return this builder
         */
        public Builder maxPendingPatches(int max) {
            this.maxPendingPatches = max;
            return this;
        }

        /**
         * Sets the most estimated bytes pending in total.
         *
         * @param max the most estimated bytes pending in total
         * @return this builder
         */
        public Builder maxPendingBytes(long max) {
            this.maxPendingBytes = max;
            return this;
        }

        /**
         * Sets the most datasets with state held at once.
         *
         * @param max the most datasets with state held at once
         * @return this builder
         */
        public Builder maxActiveDatasets(int max) {
            this.maxActiveDatasets = max;
            return this;
        }

        /**
         * Sets how long a dataset may sit idle before eviction.
         *
         * @param timeout how long a dataset may sit idle before eviction
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * Sets what happens to a write when the writer is full.
         *
         * @param policy what happens to a write when the writer is full
         * @return this builder
         */
        public Builder overloadPolicy(OverloadPolicy policy) {
            this.overloadPolicy = policy;
            return this;
        }

        /**
         * Sets how long {@link OverloadPolicy#WAIT} holds a write.
         *
         * @param timeout how long {@link OverloadPolicy#WAIT} holds a write
         * @return this builder
         */
        public Builder overloadWaitTimeout(Duration timeout) {
            this.overloadWaitTimeout = timeout;
            return this;
        }

        /**
         * Sets the most writes held waiting for room.
         *
         * @param max the most writes held waiting for room
         * @return this builder
         */
        public Builder maxWaitingWrites(int max) {
            this.maxWaitingWrites = max;
            return this;
        }

        /**
         * Sets the resolver of managed writes' conflicts.
         *
         * @param resolver the resolver of managed writes' conflicts
         * @return this builder
         */
        public Builder conflictResolver(ConflictResolver resolver) {
            this.conflictResolver = resolver;
            return this;
        }

        /**
         * Sets conflicts one managed write may resolve before it fails.
         *
         * @param max conflicts one managed write may resolve before it fails
         * @return this builder
         */
        public Builder maxConflictRetries(int max) {
            this.maxConflictRetries = max;
            return this;
        }

        /**
         * Sets the retry policy, or {@code null} for the client's.
         *
         * @param policy the retry policy, or {@code null} for the client's
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        /**
         * Sets the device id sent with every request, or {@code null}.
         *
         * @param deviceId the device id sent with every request, or {@code null}
         * @return this builder
         */
        public Builder deviceId(String deviceId) {
            this.deviceId = deviceId;
            return this;
        }

        /**
         * Sets how long close flushes before failing what is left.
         *
         * @param timeout how long close flushes before failing what is left
         * @return this builder
         */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = timeout;
            return this;
        }

        /**
         * Sets writes of one submitAll stream pending at once.
         *
         * @param concurrency writes of one submitAll stream pending at once
         * @return this builder
         */
        public Builder submitAllConcurrency(int concurrency) {
            this.submitAllConcurrency = concurrency;
            return this;
        }

        /**
         * Sets who is told how each write ended, for metrics and tracing.
         *
         * @param listener told how each write ended; {@link WriterListener#NONE} for nobody
         * @return this builder
         */
        public Builder listener(WriterListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException when a setting is out of range
         */
        public WriterOptions build() {
            return new WriterOptions(this);
        }
    }
}
