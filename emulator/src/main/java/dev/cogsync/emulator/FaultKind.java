package dev.cogsync.emulator;

/** The faults the emulator can inject, as counted by {@link EmulatorCounters#faults(FaultKind)}. */
public enum FaultKind {

    /** A 500 {@code InternalErrorException} instead of running the operation; nothing is applied. */
    INTERNAL_ERROR,
    /** A 503 {@code ServiceUnavailableException} instead of running the operation; nothing is applied. */
    SERVICE_UNAVAILABLE,
    /** A 429 {@code TooManyRequestsException}, drawn with {@link FaultConfig#throttled()}. */
    THROTTLED,
    /** Extra latency before the operation runs; combines with every other fault. */
    LATENCY,
    /** The connection is closed before the operation runs and before any response byte; nothing is applied. */
    CONNECTION_CLOSED,
    /**
     * An UpdateRecords that succeeded is applied, then the connection is closed before any response byte: the
     * ambiguous outcome that client retries must survive.
     */
    APPLIED_THEN_DROPPED
}
