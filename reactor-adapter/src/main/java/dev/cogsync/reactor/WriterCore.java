package dev.cogsync.reactor;

import dev.cogsync.batch.DatasetCapacity;
import dev.cogsync.reactor.internal.AdaptiveRates;
import dev.cogsync.reactor.internal.OperatorLog;
import dev.cogsync.retry.RetryPolicy;
import dev.cogsync.retry.RetryQuota;

import java.util.function.DoubleSupplier;

/**
 * What every dataset of one writer shares: configuration, the seams to the service and the clock, the
 * writer-wide bounds and counters. Fields only; no behaviour besides announcing freed room.
 */
final class WriterCore {

    final WriterOptions options;
    final SyncAttempts calls;
    final RetryPolicy retryPolicy;
    final RetryQuota retryQuota;
    final WriterTimer timer;
    final DoubleSupplier jitter;
    /** The identities' adaptive send rates, or {@code null} when {@link WriterOptions#adaptiveRate()} is off. */
    final AdaptiveRates rates;
    final DatasetCapacity capacity = DatasetCapacity.service();
    final WriterMetrics metrics = new WriterMetrics();
    final OperatorLog log = new OperatorLog("dev.cogsync.writer", "writer");
    final PendingBudget budget;
    final RequestPermits permits;
    private volatile Runnable roomFreed = () -> { };

    WriterCore(WriterOptions options, SyncAttempts calls, RetryPolicy retryPolicy, RetryQuota retryQuota,
               WriterTimer timer, DoubleSupplier jitter, AdaptiveRates rates) {
        this.options = options;
        this.calls = calls;
        this.retryPolicy = retryPolicy;
        this.retryQuota = retryQuota;
        this.timer = timer;
        this.jitter = jitter;
        this.rates = options.adaptiveRate() ? rates : null;
        this.budget = new PendingBudget(options.maxPendingPatches(), options.maxPendingBytes());
        this.permits = new RequestPermits(options.maxInFlightRequests());
    }

    void onRoomFreed(Runnable action) {
        this.roomFreed = action;
    }

    /** Room was freed in the budget: admit held writes, and let a closing writer notice it has drained. */
    void roomFreed() {
        roomFreed.run();
    }
}
