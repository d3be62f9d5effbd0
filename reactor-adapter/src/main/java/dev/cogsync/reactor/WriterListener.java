package dev.cogsync.reactor;

/**
 * Told by a {@link CoalescingWriter} how each accepted write ended and what it sent, for metrics and tracing
 * ({@link dev.cogsync.reactor.micrometer.CogsyncMeters} is the Micrometer one). Set with
 * {@link WriterOptions.Builder#listener(WriterListener)}.
 *
 * <p>Called on whichever thread ended the write (an event loop, a timer, or the caller's), so implementations
 * must be fast, thread-safe and non-blocking. An exception thrown by a listener is dropped: it never reaches
 * the write.
 */
public interface WriterListener {

    /** A listener that does nothing: the default. */
    WriterListener NONE = new WriterListener() {
    };

    /**
     * A write ended with its record.
     *
     * @param nanos time from acceptance to its record
     */
    default void writeSucceeded(long nanos) {
    }

    /**
     * A write ended with an error.
     *
     * @param error what its caller got
     * @param nanos time from acceptance to the error
     */
    default void writeFailed(Throwable error, long nanos) {
    }

    /**
     * A write's caller cancelled before it ended.
     *
     * @param nanos time from acceptance to the cancel
     */
    default void writeCancelled(long nanos) {
    }

    /**
     * An UpdateRecords request was sent (a retry is a new request).
     *
     * @param patches the patches in it
     */
    default void batchSent(int patches) {
    }
}
