package dev.cogsync.emulator;

import dev.cogsync.auth.AwsCredentials;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an emulator is set up. Immutable; {@link #builder()} starts from the defaults below, which are those of
 * the real service where it has one.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><td>host, port</td><td>{@code 127.0.0.1}, 0 (a free port)</td></tr>
 *   <tr><td>region</td><td>{@code us-east-1}</td></tr>
 *   <tr><td>credentials</td><td>{@code AKIDEXAMPLE} / {@code wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY}, the AWS
 *       documentation's example pair</td></tr>
 *   <tr><td>authEnabled</td><td>{@code true}: every request must carry a valid SigV4 signature</td></tr>
 *   <tr><td>tokenTtl</td><td>{@code null}: session tokens never expire</td></tr>
 *   <tr><td>singleUseTokens</td><td>{@code false}; {@code usedTokenCapacity} 100,000</td></tr>
 *   <tr><td>limits</td><td>{@link EmulatorLimits#DEFAULT}</td></tr>
 *   <tr><td>throttle, faults</td><td>{@link ThrottleConfig#OFF}, {@link FaultConfig#NONE}; both can be changed on
 *       a running emulator</td></tr>
 *   <tr><td>seed</td><td>0</td></tr>
 *   <tr><td>clock</td><td>{@link Clock#systemUTC()}</td></tr>
 *   <tr><td>ioThreads</td><td>the number of processors, at least 2</td></tr>
 *   <tr><td>recordHistory</td><td>{@code false}; when on, every applied UpdateRecords is kept, for tests</td></tr>
 * </table>
 *
 * @param host the address to listen on
 * @param port the port to listen on, or 0 for a free one
 * @param region the region requests must be signed for
 * @param credentials the one credential pair accepted
 * @param authEnabled whether requests must be signed
 * @param tokenTtl how long a session token stays valid, or {@code null} for ever
 * @param singleUseTokens whether a session token serves only one UpdateRecords
 * @param usedTokenCapacity in single-use mode, how many of the most recently issued tokens stay usable; older
 *     ones are rejected as if used, which bounds the memory that remembering used tokens takes
 * @param limits the service limits
 * @param throttle the initial rate limit
 * @param faults the initial faults
 * @param seed the seed of the fault sequence
 * @param clock the time source for record dates, token expiry, throttle refill and signature age
 * @param ioThreads the event-loop threads of the server
 * @param recordHistory whether to keep every applied UpdateRecords, readable with
 *     {@link CognitoSyncEmulator#appliedUpdates(dev.cogsync.model.DatasetRef)}; memory grows with every write, so
 *     it is meant for tests that must prove what was applied, and how often
 * @param connections how slow, idle, oversized and too many clients are cut off ({@link ConnectionLimits})
 */
public record EmulatorConfig(String host, int port, String region, AwsCredentials credentials, boolean authEnabled,
                             Duration tokenTtl, boolean singleUseTokens, int usedTokenCapacity,
                             EmulatorLimits limits, ThrottleConfig throttle, FaultConfig faults, long seed,
                             Clock clock, int ioThreads, boolean recordHistory, ConnectionLimits connections) {

    /** The default access key id, from the AWS documentation's examples. */
    public static final String DEFAULT_ACCESS_KEY_ID = "AKIDEXAMPLE";
    /** The default secret access key, from the AWS documentation's examples. */
    public static final String DEFAULT_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    /** The default region. */
    public static final String DEFAULT_REGION = "us-east-1";

    /**
     * Validates every value.
     *
     * @param host the address to listen on
     * @param port the port to listen on, or 0 for a free one
     * @param region the region requests must be signed for
     * @param credentials the one credential pair accepted
     * @param authEnabled whether requests must be signed
     * @param tokenTtl how long a session token stays valid, or {@code null} for ever
     * @param singleUseTokens whether a session token serves only one UpdateRecords
     * @param usedTokenCapacity in single-use mode, how many of the most recently issued tokens stay usable; older ones are rejected as if used, which bounds the memory that remembering used tokens takes
     * @param limits the service limits
     * @param throttle the initial rate limit
     * @param faults the initial faults
     * @param seed the seed of the fault sequence
     * @param clock the time source for record dates, token expiry, throttle refill and signature age
     * @param ioThreads the event-loop threads of the server
     * @param recordHistory whether to keep every applied UpdateRecords, readable with {@link CognitoSyncEmulator#appliedUpdates(dev.cogsync.model.DatasetRef)}; memory grows with every write, so it is meant for tests that must prove what was applied, and how often
     * @param connections how slow, idle, oversized and too many clients are cut off ({@link ConnectionLimits})
     */
    public EmulatorConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host: must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: must be between 0 and 65535, was " + port);
        }
        Objects.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region: must not be blank");
        }
        Objects.requireNonNull(credentials, "credentials");
        if (tokenTtl != null && (tokenTtl.isNegative() || tokenTtl.isZero())) {
            throw new IllegalArgumentException("tokenTtl: must be positive or null for no expiry, was " + tokenTtl);
        }
        if (usedTokenCapacity < 1) {
            throw new IllegalArgumentException("usedTokenCapacity: must be >= 1, was " + usedTokenCapacity);
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(connections, "connections");
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads: must be >= 1, was " + ioThreads);
        }
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A configuration from the standalone emulator's command-line options, for an emulator embedded where only
     * text can configure it (a Gatling protocol, a system property): {@code parse("--fault-throttled", "0.3")}.
     * {@code java -jar cogsync-emulator-0.1.0-all.jar --help} lists the options.
     *
     * @param options the options, as on the command line; {@code --help} is not one
     * @return the configuration
     * @throws IllegalArgumentException naming the option when one is unknown, lacks its value or has a bad one
     */
    public static EmulatorConfig parse(String... options) {
        dev.cogsync.emulator.internal.CommandLine commandLine;
        try {
            commandLine = dev.cogsync.emulator.internal.CommandLine.parse(options);
        } catch (dev.cogsync.emulator.internal.UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (commandLine.help()) {
            throw new IllegalArgumentException("option --help configures nothing");
        }
        return commandLine.config();
    }

    /**
     * The default configuration.
     *
     * @return the defaults
     */
    public static EmulatorConfig defaults() {
        return builder().build();
    }

    /**
     * A builder holding this configuration's values.
     *
     * @return a builder to derive a changed configuration from
     */
    public Builder toBuilder() {
        return new Builder().host(host).port(port).region(region).credentials(credentials).authEnabled(authEnabled)
                .tokenTtl(tokenTtl).singleUseTokens(singleUseTokens).usedTokenCapacity(usedTokenCapacity)
                .limits(limits).throttle(throttle).faults(faults).seed(seed).clock(clock).ioThreads(ioThreads)
                .recordHistory(recordHistory).connections(connections);
    }

    /** Shows the access key id, never the secret. */
    @Override
    public String toString() {
        return "EmulatorConfig[host=" + host + ", port=" + port + ", region=" + region + ", credentials="
                + credentials + ", authEnabled=" + authEnabled + ", tokenTtl=" + tokenTtl + ", singleUseTokens="
                + singleUseTokens + ", usedTokenCapacity=" + usedTokenCapacity + ", limits=" + limits
                + ", throttle=" + throttle + ", faults=" + faults + ", seed=" + seed + ", clock=" + clock
                + ", ioThreads=" + ioThreads + ", recordHistory=" + recordHistory + ", connections=" + connections
                + "]";
    }

    /** Builds an {@link EmulatorConfig}, or starts an emulator from it; not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String region = DEFAULT_REGION;
        private AwsCredentials credentials = AwsCredentials.of(DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY);
        private boolean authEnabled = true;
        private Duration tokenTtl;
        private boolean singleUseTokens;
        private int usedTokenCapacity = 100_000;
        private EmulatorLimits limits = EmulatorLimits.DEFAULT;
        private ThrottleConfig throttle = ThrottleConfig.OFF;
        private FaultConfig faults = FaultConfig.NONE;
        private long seed;
        private Clock clock = Clock.systemUTC();
        private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private boolean recordHistory;
        private ConnectionLimits connections = ConnectionLimits.DEFAULT;

        private Builder() {
        }

        /**
         * Sets the address to listen on.
         *
         * @param host a host name or IP address; default {@code 127.0.0.1}
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * Sets the port to listen on.
         *
         * @param port the port, or 0 (the default) for a free one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Sets the region requests must be signed for.
         *
         * @param region the region; default {@code us-east-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Sets the one credential pair the emulator accepts.
         *
         * @param credentials the pair; any session token in it is ignored
         * @return this builder
         */
        public Builder credentials(AwsCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * Turns SigV4 verification on (the default) or off.
         *
         * @param authEnabled {@code false} to accept unsigned requests
         * @return this builder
         */
        public Builder authEnabled(boolean authEnabled) {
            this.authEnabled = authEnabled;
            return this;
        }

        /**
         * Sets how long session tokens stay valid.
         *
         * @param tokenTtl a positive duration, or {@code null} (the default) for no expiry
         * @return this builder
         */
        public Builder tokenTtl(Duration tokenTtl) {
            this.tokenTtl = tokenTtl;
            return this;
        }

        /**
         * Makes each session token serve one UpdateRecords only.
         *
         * @param singleUseTokens {@code true} for single-use tokens; default {@code false}
         * @return this builder
         */
        public Builder singleUseTokens(boolean singleUseTokens) {
            this.singleUseTokens = singleUseTokens;
            return this;
        }

        /**
         * Sets how many of the most recently issued tokens stay usable in single-use mode.
         *
         * @param capacity at least 1; default 100,000
         * @return this builder
         */
        public Builder usedTokenCapacity(int capacity) {
            this.usedTokenCapacity = capacity;
            return this;
        }

        /**
         * Sets how the emulator protects itself from slow, idle, oversized and too many clients.
         *
         * @param connections the limits; default {@link ConnectionLimits#DEFAULT}
         * @return this builder
         */
        public Builder connections(ConnectionLimits connections) {
            this.connections = connections;
            return this;
        }

        /**
         * Sets the service limits.
         *
         * @param limits the limits; default {@link EmulatorLimits#DEFAULT}
         * @return this builder
         */
        public Builder limits(EmulatorLimits limits) {
            this.limits = limits;
            return this;
        }

        /**
         * Sets the initial rate limit.
         *
         * @param throttle the rate limit; default {@link ThrottleConfig#OFF}
         * @return this builder
         */
        public Builder throttle(ThrottleConfig throttle) {
            this.throttle = throttle;
            return this;
        }

        /**
         * Sets the initial faults.
         *
         * @param faults the faults; default {@link FaultConfig#NONE}
         * @return this builder
         */
        public Builder faults(FaultConfig faults) {
            this.faults = faults;
            return this;
        }

        /**
         * Sets the seed of the fault sequence.
         *
         * @param seed any value; default 0
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the time source.
         *
         * @param clock the clock; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets the number of event-loop threads.
         *
         * @param ioThreads at least 1; default the number of processors, at least 2
         * @return this builder
         */
        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        /**
         * Keeps every applied UpdateRecords, for tests that must prove what was applied and how often.
         *
         * @param recordHistory default {@code false}
         * @return this builder
         */
        public Builder recordHistory(boolean recordHistory) {
            this.recordHistory = recordHistory;
            return this;
        }

        /**
         * Builds and validates the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException when a value is out of range
         */
        public EmulatorConfig build() {
            return new EmulatorConfig(host, port, region, credentials, authEnabled, tokenTtl, singleUseTokens,
                    usedTokenCapacity, limits, throttle, faults, seed, clock, ioThreads, recordHistory, connections);
        }

        /**
         * Builds the configuration and starts an emulator with it.
         *
         * @return the running emulator; close it when done
         */
        public CognitoSyncEmulator start() {
            return CognitoSyncEmulator.start(build());
        }
    }
}
