package dev.cogsync.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Which faults the emulator injects, and how often. Immutable; {@link #NONE} injects nothing (the default).
 *
 * <p>Every probability is in {@code [0, 1]} and drawn independently for each request in {@link #scope()}, from
 * a sequence seeded by {@link EmulatorConfig#seed()}: the same seed and the same requests in the same order
 * give the same faults. A request that draws several faults gets, in this order of precedence: a closed
 * connection, then a 500, then a 503, then a 429; latency is added before any of them. Applied-then-dropped only hits an
 * UpdateRecords that succeeded; a rejected one (a conflict, a limit) is answered normally.
 *
 * @param internalError probability of a 500 {@code InternalErrorException}
 * @param serviceUnavailable probability of a 503 {@code ServiceUnavailableException}
 * @param connectionClosed probability of closing the connection before anything is applied or answered
 * @param appliedThenDropped probability, for UpdateRecords, of applying the update and then closing the
 *     connection without a response
 * @param latency probability of added latency
 * @param latencyFixed the fixed part of added latency
 * @param latencyJitter the upper bound of the uniformly random part added to {@code latencyFixed}
 * @param scope which operations faults hit
 * @param throttled probability of a 429 {@code TooManyRequestsException}, independent of the rate limit of
 *     {@link ThrottleConfig}: throttling as chaos, at a fixed rate whatever the load
 */
public record FaultConfig(double internalError, double serviceUnavailable, double connectionClosed,
                          double appliedThenDropped, double latency, Duration latencyFixed, Duration latencyJitter,
                          FaultScope scope, double throttled) {

    /** No faults at all. */
    public static final FaultConfig NONE = builder().build();

    /**
     * Validates the probabilities and durations.
     *
     * @param internalError probability of a 500 {@code InternalErrorException}
     * @param serviceUnavailable probability of a 503 {@code ServiceUnavailableException}
     * @param connectionClosed probability of closing the connection before anything is applied or answered
     * @param appliedThenDropped probability, for UpdateRecords, of applying the update and then closing the connection without a response
     * @param latency probability of added latency
     * @param latencyFixed the fixed part of added latency
     * @param latencyJitter the upper bound of the uniformly random part added to {@code latencyFixed}
     * @param scope which operations faults hit
     * @param throttled probability of a 429 {@code TooManyRequestsException}, independent of the rate limit of {@link ThrottleConfig}: throttling as chaos, at a fixed rate whatever the load
     */
    public FaultConfig {
        probability("internalError", internalError);
        probability("serviceUnavailable", serviceUnavailable);
        probability("connectionClosed", connectionClosed);
        probability("appliedThenDropped", appliedThenDropped);
        probability("latency", latency);
        probability("throttled", throttled);
        nonNegative("latencyFixed", latencyFixed);
        nonNegative("latencyJitter", latencyJitter);
        Objects.requireNonNull(scope, "scope");
    }

    private static void probability(String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + ": must be a probability in [0, 1], was " + value);
        }
    }

    private static void nonNegative(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + ": must not be negative, was " + value);
        }
    }

    /**
     * A builder with every probability 0, no latency, and scope {@link FaultScope#ALL_OPERATIONS}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this configuration's values.
     *
     * @return a builder to derive a changed configuration from
     */
    public Builder toBuilder() {
        return new Builder().internalError(internalError).serviceUnavailable(serviceUnavailable).throttled(throttled)
                .connectionClosed(connectionClosed).appliedThenDropped(appliedThenDropped)
                .latency(latency, latencyFixed, latencyJitter).scope(scope);
    }

    /**
     * Whether any fault can happen.
     *
     * @return {@code false} when every probability is 0
     */
    public boolean enabled() {
        return internalError > 0 || serviceUnavailable > 0 || connectionClosed > 0 || appliedThenDropped > 0
                || throttled > 0
                || latency > 0;
    }

    /** Builds a {@link FaultConfig}; not thread-safe. */
    public static final class Builder {
        private double internalError;
        private double serviceUnavailable;
        private double throttled;
        private double connectionClosed;
        private double appliedThenDropped;
        private double latency;
        private Duration latencyFixed = Duration.ZERO;
        private Duration latencyJitter = Duration.ZERO;
        private FaultScope scope = FaultScope.ALL_OPERATIONS;

        private Builder() {
        }

        /**
         * Sets the probability of a 500 {@code InternalErrorException}.
         *
         * @param probability in {@code [0, 1]}
         * @return this builder
         */
        public Builder internalError(double probability) {
            this.internalError = probability;
            return this;
        }

        /**
         * Sets the probability of a 503 {@code ServiceUnavailableException}.
         *
         * @param probability in {@code [0, 1]}
         * @return this builder
         */
        public Builder serviceUnavailable(double probability) {
            this.serviceUnavailable = probability;
            return this;
        }

        /**
         * Sets the probability of a 429 {@code TooManyRequestsException}, whatever the load.
         *
         * @param probability in {@code [0, 1]}
         * @return this builder
         */
        public Builder throttled(double probability) {
            this.throttled = probability;
            return this;
        }

        /**
         * Sets the probability of closing the connection before anything is applied or answered.
         *
         * @param probability in {@code [0, 1]}
         * @return this builder
         */
        public Builder connectionClosed(double probability) {
            this.connectionClosed = probability;
            return this;
        }

        /**
         * Sets the probability that a successful UpdateRecords is applied and then its connection closed without
         * a response.
         *
         * @param probability in {@code [0, 1]}
         * @return this builder
         */
        public Builder appliedThenDropped(double probability) {
            this.appliedThenDropped = probability;
            return this;
        }

        /**
         * Adds latency: {@code fixed} plus a uniformly random duration up to {@code jitter}.
         *
         * @param probability in {@code [0, 1]}
         * @param fixed the fixed part, not negative
         * @param jitter the bound of the random part, not negative
         * @return this builder
         */
        public Builder latency(double probability, Duration fixed, Duration jitter) {
            this.latency = probability;
            this.latencyFixed = fixed;
            this.latencyJitter = jitter;
            return this;
        }

        /**
         * Sets which operations faults hit.
         *
         * @param scope the scope
         * @return this builder
         */
        public Builder scope(FaultScope scope) {
            this.scope = scope;
            return this;
        }

        /**
         * Builds and validates the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException when a probability is outside {@code [0, 1]} or a duration negative
         */
        public FaultConfig build() {
            return new FaultConfig(internalError, serviceUnavailable, connectionClosed, appliedThenDropped, latency,
                    latencyFixed, latencyJitter, scope, throttled);
        }
    }
}
