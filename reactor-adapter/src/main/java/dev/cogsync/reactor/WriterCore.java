package dev.cogsync.reactor;

import dev.cogsync.batch.BatchLimits;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.reactor.internal.CallExecutor;
import dev.cogsync.retry.RetryPolicy;
import reactor.core.publisher.Mono;

/** What every dataset of one writer shares: configuration, the call machinery, bounds and counters. */
final class WriterCore {

    final WriterOptions options;
    final CallExecutor executor;
    final RetryPolicy retryPolicy;
    final CognitoSyncClient client;
    final WriterMetrics metrics = new WriterMetrics();
    final PendingBudget budget;
    final WriteDispatcher dispatcher;
    private final Runnable roomFreed;

    WriterCore(WriterOptions options, CognitoSyncClient client, Runnable roomFreed) {
        this.options = options;
        this.client = client;
        this.executor = client.executor();
        this.retryPolicy = options.retryPolicy() != null ? options.retryPolicy() : executor.retryPolicy();
        this.budget = new PendingBudget(options.maxPendingPatches(), options.maxPendingBytes());
        this.dispatcher = new WriteDispatcher(options.maxInFlightRequests());
        this.roomFreed = roomFreed;
    }

    BatchLimits limits(int isolationCap) {
        BatchLimits limits = options.batchLimits();
        return isolationCap >= limits.maxPatches() ? limits : new BatchLimits(isolationCap, limits.maxBytes());
    }

    /** One page of ListRecords, counted, with the client's own retries. */
    Mono<ListRecordsResponse> listRecords(ListRecordsRequest request) {
        return Mono.defer(() -> {
            metrics.listRecordsCalls.increment();
            return client.listRecords(request);
        });
    }

    /** Room was freed in the budget: admit held writes, and let a closing writer notice it has drained. */
    void roomFreed() {
        roomFreed.run();
    }
}
