package dev.cogsync.reactor;

import dev.cogsync.model.Dataset;
import reactor.core.publisher.MonoSink;

import java.time.Duration;

/** A delete a {@link DatasetWrites} was asked for: the last write ticket before it, its caller and deadline. */
final class PendingDelete {
    /** The last write ticket accepted before the delete. */
    final long barrier;
    final MonoSink<Dataset> sink;
    final long deadlineNanos;
    final Duration timeout;
    /** The caller cancelled, or was answered at its deadline: nobody waits for the outcome any more. */
    volatile boolean cancelled;
    /** An attempt of the delete failed in a way that may have reached the service. */
    boolean mayHaveBeenApplied;

    PendingDelete(long barrier, MonoSink<Dataset> sink, long deadlineNanos, Duration timeout) {
        this.barrier = barrier;
        this.sink = sink;
        this.deadlineNanos = deadlineNanos;
        this.timeout = timeout;
    }
}
