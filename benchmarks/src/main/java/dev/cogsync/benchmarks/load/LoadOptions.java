package dev.cogsync.benchmarks.load;

import dev.cogsync.workload.PatchMode;
import dev.cogsync.workload.Workload;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a load run is configured with, as the command line gave it. Immutable; {@link #builder()} starts from
 * the defaults, which are written down here once and repeated in the help text.
 *
 * @param endpoint where to send, or {@code null} (the default) for an embedded emulator on a free loopback port
 * @param region the signing region; default {@value #DEFAULT_REGION}
 * @param identityPoolId the identity pool; default {@value #DEFAULT_IDENTITY_POOL_ID}
 * @param writers concurrent writers; default {@value #DEFAULT_WRITERS}
 * @param datasets datasets, at most 20 per identity and at most one per writer; default {@value #DEFAULT_DATASETS}
 * @param keys keys per dataset; default {@value #DEFAULT_KEYS}
 * @param valueBytes the size of every value (ASCII, so characters and bytes agree); default
 *     {@value #DEFAULT_VALUE_BYTES}
 * @param patches the patches to submit in total, or {@code null} to run for {@code duration}
 * @param duration how long to submit patches, or {@code null} when {@code patches} is set; default 10 s
 * @param warmup how long the writers run before measuring, uncounted, so that the JIT compiler has done its work;
 *     default 5 s, zero for none
 * @param mode how patches are sent; default {@link PatchMode#COALESCED}
 * @param throttleRps the embedded emulator's rate limit per identity in requests per second, 0 (the default) for
 *     none
 * @param faultRate the embedded emulator's fault probability per request, 0 (the default) for none
 * @param throttleProbability the embedded emulator's probability of answering a request with a 429, whatever the
 *     load, 0 (the default) for none
 * @param writeTimeout each coalesced write's deadline, or {@code null} (the default) for the writer's
 * @param cognitoIdentity whether every identity signs with its own Cognito Identity credentials from the embedded
 *     emulator, instead of the developer credentials (the default)
 * @param seed the seed of the embedded emulator's fault sequence; default 0
 * @param json where to write the summary as JSON, or {@code null} (the default) for nowhere
 */
record LoadOptions(URI endpoint, String region, String identityPoolId, int writers, int datasets, int keys,
                   int valueBytes, Long patches, Duration duration, Duration warmup, PatchMode mode, double throttleRps,
                   double faultRate, double throttleProbability, Duration writeTimeout, boolean cognitoIdentity, long seed,
                   Path json) {

    /** The default signing region. */
    static final String DEFAULT_REGION = "us-east-1";
    /** The default identity pool: any well-formed id will do for the emulator. */
    static final String DEFAULT_IDENTITY_POOL_ID = Workload.DEFAULT_IDENTITY_POOL_ID;
    /** The default number of writers. */
    static final int DEFAULT_WRITERS = 256;
    /** The default number of datasets. */
    static final int DEFAULT_DATASETS = 4;
    /** The default number of keys per dataset. */
    static final int DEFAULT_KEYS = 64;
    /** The default value size. */
    static final int DEFAULT_VALUE_BYTES = 64;
    /** The default run length: long enough for steady numbers, short enough for a quick start. */
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    /** The default warm-up: enough for the JIT compiler to handle the hot paths of either mode. */
    static final Duration DEFAULT_WARMUP = Duration.ofSeconds(5);

    /** Checks what the parser guarantees, so that a bad value cannot slip in from elsewhere. */
    LoadOptions {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(identityPoolId, "identityPoolId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(warmup, "warmup");
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup: must not be negative, was " + warmup);
        }
        if (writers < 1 || datasets < 1 || keys < 1 || valueBytes < 0) {
            throw new IllegalArgumentException("writers, datasets, keys: must be >= 1; valueBytes: must be >= 0");
        }
        if (datasets > writers) {
            throw new IllegalArgumentException("datasets: must be at most writers, was " + datasets);
        }
        if ((patches == null) == (duration == null)) {
            throw new IllegalArgumentException("patches, duration: give exactly one of them");
        }
        if (patches != null && patches < 1) {
            throw new IllegalArgumentException("patches: must be >= 1, was " + patches);
        }
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException("duration: must be positive, was " + duration);
        }
        if (!(throttleRps >= 0) || Double.isInfinite(throttleRps) || !(faultRate >= 0 && faultRate <= 1)) {
            throw new IllegalArgumentException("throttleRps: must be finite and >= 0; faultRate: must be in [0, 1]");
        }
        if (!(throttleProbability >= 0 && throttleProbability <= 1)) {
            throw new IllegalArgumentException("throttleProbability: must be in [0, 1]");
        }
        if (writeTimeout != null && (writeTimeout.isZero() || writeTimeout.isNegative())) {
            throw new IllegalArgumentException("writeTimeout: must be positive, was " + writeTimeout);
        }
        if (endpoint != null && (throttleRps > 0 || faultRate > 0 || throttleProbability > 0 || cognitoIdentity)) {
            throw new IllegalArgumentException("throttleRps, faultRate, throttleProbability, cognitoIdentity: "
                    + "configure the embedded emulator only");
        }
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * The options with every default: 256 coalesced writers on 4 datasets of 64 keys for 10 s after a 5 s warm-up,
     * against an embedded emulator.
     *
     * @return the defaults
     */
    static LoadOptions defaults() {
        return builder().build();
    }

    /**
     * A builder holding these options.
     *
     * @return a builder to derive changed options from
     */
    Builder toBuilder() {
        Builder b = new Builder();
        b.endpoint = endpoint;
        b.region = region;
        b.identityPoolId = identityPoolId;
        b.writers = writers;
        b.datasets = datasets;
        b.keys = keys;
        b.valueBytes = valueBytes;
        b.patches = patches;
        b.duration = duration;
        b.warmup = warmup;
        b.mode = mode;
        b.throttleRps = throttleRps;
        b.faultRate = faultRate;
        b.throttleProbability = throttleProbability;
        b.writeTimeout = writeTimeout;
        b.cognitoIdentity = cognitoIdentity;
        b.seed = seed;
        b.json = json;
        return b;
    }

    /** @return whether the run starts its own emulator */
    boolean embedded() {
        return endpoint == null;
    }

    /** Builds {@link LoadOptions}; not thread-safe. */
    static final class Builder {
        private URI endpoint;
        private String region = DEFAULT_REGION;
        private String identityPoolId = DEFAULT_IDENTITY_POOL_ID;
        private int writers = DEFAULT_WRITERS;
        private int datasets = DEFAULT_DATASETS;
        private int keys = DEFAULT_KEYS;
        private int valueBytes = DEFAULT_VALUE_BYTES;
        private Long patches;
        private Duration duration = DEFAULT_DURATION;
        private Duration warmup = DEFAULT_WARMUP;
        private PatchMode mode = PatchMode.COALESCED;
        private double throttleRps;
        private double faultRate;
        private double throttleProbability;
        private Duration writeTimeout;
        private boolean cognitoIdentity;
        private long seed;
        private Path json;

        private Builder() {
        }

        Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        Builder region(String region) {
            this.region = region;
            return this;
        }

        Builder identityPoolId(String identityPoolId) {
            this.identityPoolId = identityPoolId;
            return this;
        }

        Builder writers(int writers) {
            this.writers = writers;
            return this;
        }

        Builder datasets(int datasets) {
            this.datasets = datasets;
            return this;
        }

        Builder keys(int keys) {
            this.keys = keys;
            return this;
        }

        Builder valueBytes(int valueBytes) {
            this.valueBytes = valueBytes;
            return this;
        }

        /** Runs for a number of patches instead of a duration. */
        Builder patches(long patches) {
            this.patches = patches;
            this.duration = null;
            return this;
        }

        /** Runs for a duration instead of a number of patches. */
        Builder duration(Duration duration) {
            this.duration = duration;
            this.patches = null;
            return this;
        }

        Builder warmup(Duration warmup) {
            this.warmup = warmup;
            return this;
        }

        Builder mode(PatchMode mode) {
            this.mode = mode;
            return this;
        }

        Builder throttleRps(double throttleRps) {
            this.throttleRps = throttleRps;
            return this;
        }

        Builder throttleProbability(double probability) {
            this.throttleProbability = probability;
            return this;
        }

        Builder cognitoIdentity(boolean cognitoIdentity) {
            this.cognitoIdentity = cognitoIdentity;
            return this;
        }

        Builder writeTimeout(Duration timeout) {
            this.writeTimeout = timeout;
            return this;
        }

        Builder faultRate(double faultRate) {
            this.faultRate = faultRate;
            return this;
        }

        Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        Builder json(Path json) {
            this.json = json;
            return this;
        }

        LoadOptions build() {
            return new LoadOptions(endpoint, region, identityPoolId, writers, datasets, keys, valueBytes, patches,
                    duration, warmup, mode, throttleRps, faultRate, throttleProbability, writeTimeout, cognitoIdentity, seed, json);
        }
    }
}
