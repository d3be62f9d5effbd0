package dev.cogsync.reactor;

import java.util.concurrent.atomic.LongAdder;

/** The writer's counters: contention-free adders, summed only when a snapshot is taken. */
final class WriterMetrics {

    final LongAdder submitted = new LongAdder();
    final LongAdder written = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder cancelled = new LongAdder();
    final LongAdder updateRecordsCalls = new LongAdder();
    final LongAdder patchesSent = new LongAdder();
    final LongAdder listRecordsCalls = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder throttles = new LongAdder();
    final LongAdder conflicts = new LongAdder();
    final LongAdder lostResponsesRecovered = new LongAdder();
    final LongAdder overloads = new LongAdder();
    final LongAdder timedOut = new LongAdder();
    final LongAdder rateLimitedWaits = new LongAdder();
    final LongAdder datasetBoundReached = new LongAdder();
}
