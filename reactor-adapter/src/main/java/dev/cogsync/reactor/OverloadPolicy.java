package dev.cogsync.reactor;

/** What a {@link CoalescingWriter} does with a write when it is full. */
public enum OverloadPolicy {

    /** Fail the write at once with a {@link dev.cogsync.exception.WriterOverloadedException}. The default. */
    FAIL_FAST,

    /**
     * Hold the write, without blocking any thread, until there is room or
     * {@link WriterOptions#overloadWaitTimeout()} passes; then fail it with a
     * {@link dev.cogsync.exception.WriterOverloadedException}. Held writes are bounded too
     * ({@link WriterOptions#maxWaitingWrites()}).
     */
    WAIT
}
