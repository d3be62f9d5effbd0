package dev.cogsync.reactor;

import dev.cogsync.exception.ValidationException;
import dev.cogsync.exception.WriterClosedException;
import dev.cogsync.exception.WriterOverloadedException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Coalesces concurrent writes to a dataset into single UpdateRecords calls: the heart of cogsync.
 *
 * <h2>Two modes</h2>
 * <ul>
 *   <li><b>Explicit</b>, {@link #submit(DatasetRef, RecordPatch)}: the caller supplies the sync count, exactly
 *       the service's optimistic-concurrency contract; a stale count fails that caller alone with a
 *       {@link dev.cogsync.exception.ResourceConflictException}.
 *   <li><b>Managed</b>, {@link #put(DatasetRef, String, String)} and {@link #remove(DatasetRef, String)}: the
 *       writer tracks every record's sync count from its own responses and from ListRecords and fills it in.
 *       When another writer changed a record, it lists the dataset and applies the
 *       {@link dev.cogsync.batch.ConflictResolver} ({@link WriterOptions#conflictResolver()}, by default last
 *       writer wins with this caller's value), up to {@link WriterOptions#maxConflictRetries()} times.
 * </ul>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Group commit.</b> At most one UpdateRecords is in flight per dataset. Writes that arrive meanwhile
 *       form the next request, up to {@link WriterOptions#batchLimits()}. Datasets proceed in parallel, up to
 *       {@link WriterOptions#maxInFlightRequests()}. An optional {@link WriterOptions#linger()} delays the first
 *       request of an idle dataset.
 *   <li><b>Order.</b> FIFO per dataset. Two writes to one key never travel in one request: an explicit later
 *       write waits for the next request (and conflicts there if its count is stale, as without coalescing); a
 *       managed later write replaces the earlier one's value while both are queued, and both callers get the
 *       record actually written.
 *   <li><b>Per-caller outcomes.</b> Each caller gets the record of its own key as the server returned it, or
 *       its own error. A stale write is condemned alone and the others are sent again; a request the service
 *       refuses as a whole is split until the write to blame is alone.
 *   <li><b>Session tokens.</b> One ListRecords on a dataset's first write, then reused. A token the service
 *       rejects is replaced by listing again, and the request retried once; tokens found to be single-use are
 *       fetched before every request.
 *   <li><b>Throttling and transient failures</b> are retried with the client's backoff and retry quota (or
 *       {@link WriterOptions#retryPolicy()}); writes that arrived meanwhile join the retried request, so
 *       throttling raises the batch size rather than the request count.
 *   <li><b>Lost responses.</b> When a connection fails after a request was sent, the retry can meet a conflict
 *       caused by its own first attempt. The writer then lists the dataset and, if the server's records equal
 *       what the request wrote, reports success: never a false conflict, never a second application.
 *   <li><b>Bounded memory.</b> Pending writes are bounded per dataset and in total, by count and estimated
 *       bytes, and so are active datasets (idle ones are evicted) and held writes. When full,
 *       {@link OverloadPolicy} decides: fail fast with a {@link WriterOverloadedException}, or hold the write
 *       without blocking until there is room or a timeout passes.
 *   <li><b>Non-blocking.</b> No method blocks a thread; callers' {@code Mono}s complete on Reactor Netty's
 *       event loops, so downstream work should not block either.
 *   <li><b>Cancellation.</b> Nothing happens before subscription, and each subscription is one write. A caller
 *       that cancels before its write is sent withdraws it. After it is sent the write may still be applied;
 *       cancelling then only stops the caller from hearing about it.
 *   <li><b>Termination.</b> Every accepted write's {@code Mono} ends, with a record or an error: requests are
 *       bounded by the client's timeouts, retries by the policy, and {@link #close()} by its timeout.
 * </ul>
 *
 * <p>The writer does not own the client; close the client after the writer.
 */
public final class CoalescingWriter {

    private final WriterCore core;
    private final DatasetRegistry datasets;
    private final WaitingWrites waiting;
    private final Disposable sweeper;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Sinks.Empty<Void> drained = Sinks.empty();
    private volatile Mono<Void> closing;

    private CoalescingWriter(CognitoSyncClient client, WriterOptions options) {
        this.core = new WriterCore(options, client, this::roomFreed);
        this.datasets = new DatasetRegistry(core);
        this.waiting = new WaitingWrites(options.maxWaitingWrites());
        Duration period = options.idleTimeout().dividedBy(2);
        this.sweeper = Flux.interval(period.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : period)
                .subscribe(tick -> datasets.evictIdle(options.idleTimeout().toNanos()));
    }

    /**
     * Creates a writer with the default options.
     *
     * @param client the client to send through; the writer uses its retry policy and quota
     * @return the writer; close it when done
     */
    public static CoalescingWriter create(CognitoSyncClient client) {
        return create(client, WriterOptions.defaults());
    }

    /**
     * Creates a writer.
     *
     * @param client the client to send through; the writer uses its retry quota
     * @param options the configuration
     * @return the writer; close it when done
     */
    public static CoalescingWriter create(CognitoSyncClient client, WriterOptions options) {
        return new CoalescingWriter(Objects.requireNonNull(client, "client"), Objects.requireNonNull(options,
                "options"));
    }

    /**
     * Writes a patch with the caller's own sync count (explicit mode).
     *
     * @param dataset the dataset
     * @param patch the patch; its sync count is sent as it is
     * @return the record of the patch's key as the server returned it; a stale count fails with a
     *     {@link dev.cogsync.exception.ResourceConflictException} naming the server's count
     */
    public Mono<Record> submit(DatasetRef dataset, RecordPatch patch) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(patch, "patch");
        return new WriteMono(this::accept, dataset, patch, false, false);
    }

    /**
     * Writes a value; the writer fills in the sync count (managed mode).
     *
     * @param dataset the dataset
     * @param key the record key, 1 to 1,024 characters
     * @param value the value, at most 1,048,575 characters
     * @return the record as the server returned it: this caller's value, a later caller's that replaced it
     *     while both were queued, or what the conflict resolver chose
     */
    public Mono<Record> put(DatasetRef dataset, String key, String value) {
        Objects.requireNonNull(dataset, "dataset");
        RecordPatch patch;
        try {
            patch = RecordPatch.replace(key, value, 0);
        } catch (ValidationException e) {
            return Mono.error(e);
        }
        return new WriteMono(this::accept, dataset, patch, true, false);
    }

    /**
     * Removes a record, leaving a tombstone; the writer fills in the sync count (managed mode).
     *
     * @param dataset the dataset
     * @param key the record key
     * @return the tombstone as the server returned it
     */
    public Mono<Record> remove(DatasetRef dataset, String key) {
        Objects.requireNonNull(dataset, "dataset");
        RecordPatch patch;
        try {
            patch = RecordPatch.remove(key, 0);
        } catch (ValidationException e) {
            return Mono.error(e);
        }
        return new WriteMono(this::accept, dataset, patch, true, false);
    }

    /**
     * Writes a stream of writes with Reactive Streams backpressure: it requests from upstream only as room
     * frees, holds at most {@link WriterOptions#submitAllConcurrency()} of the stream's writes at once, and
     * emits one outcome per write, in completion order. A write that fails is an outcome, not an error of the
     * stream. Writes of the stream wait for room rather than failing fast.
     *
     * @param writes the writes
     * @return one outcome per write
     */
    public Flux<WriteOutcome> submitAll(Publisher<? extends WriteRequest> writes) {
        Objects.requireNonNull(writes, "writes");
        return Flux.from(writes).flatMap(request -> outcome(request).map(record -> new WriteOutcome(request, record,
                null)).onErrorResume(error -> Mono.just(new WriteOutcome(request, null, error))),
                core.options.submitAllConcurrency());
    }

    private Mono<Record> outcome(WriteRequest request) {
        if (request instanceof WriteRequest.Submit submit) {
            return new WriteMono(this::accept, submit.dataset(), submit.patch(), false, true);
        }
        RecordPatch patch;
        try {
            patch = request instanceof WriteRequest.Put put ? RecordPatch.replace(put.key(), put.value(), 0)
                    : RecordPatch.remove(((WriteRequest.Remove) request).key(), 0);
        } catch (ValidationException e) {
            return Mono.error(e);
        }
        return new WriteMono(this::accept, request.dataset(), patch, true, true);
    }

    /** Offers a subscribed write: to its dataset, or to the queue of writes waiting for room. */
    private void accept(DatasetRef dataset, PendingWrite write, WriteCall call, boolean stream) {
        core.metrics.submitted.increment();
        if (closed.get()) {
            core.metrics.failed.increment();
            call.error(new WriterClosedException("the writer is closed; the write was not accepted", false));
            return;
        }
        boolean mayWait = stream || core.options.overloadPolicy() == OverloadPolicy.WAIT;
        if (mayWait && waiting.size() > 0) {
            // Others are already waiting for room: queue behind them.
            hold(dataset, write, call, stream);
            return;
        }
        DatasetWriter.Offer offer = offer(dataset, write, call);
        if (offer == DatasetWriter.Offer.ACCEPTED) {
            return;
        }
        if (mayWait) {
            hold(dataset, write, call, stream);
        } else {
            overloaded(call, offer);
        }
    }

    private DatasetWriter.Offer offer(DatasetRef dataset, PendingWrite write, WriteCall call) {
        return datasets.offer(dataset, write, call);
    }

    private void hold(DatasetRef dataset, PendingWrite write, WriteCall call, boolean stream) {
        WaitingWrites.Waiter waiter = new WaitingWrites.Waiter(dataset, write, call);
        if (!waiting.add(waiter)) {
            overloaded(call, "the most writes waiting for room (" + core.options.maxWaitingWrites()
                    + ") are already waiting");
            return;
        }
        call.onCancel(() -> {
            if (waiter.take() && waiting.remove(waiter)) {
                core.metrics.cancelled.increment();
                if (waiter.timer != null) {
                    waiter.timer.dispose();
                }
            }
        });
        if (!stream) {
            waiter.timer = Mono.delay(core.options.overloadWaitTimeout()).subscribe(tick -> {
                waiter.timedOut = true;
                if (waiter.take() && waiting.remove(waiter)) {
                    timedOut(waiter);
                }
            });
        }
        roomFreed();
    }

    private void timedOut(WaitingWrites.Waiter waiter) {
        overloaded(waiter.call, "no room for the write within " + core.options.overloadWaitTimeout());
    }

    private void overloaded(WriteCall call, DatasetWriter.Offer offer) {
        overloaded(call, offer == null
                ? "the most active datasets (" + core.options.maxActiveDatasets() + ") are busy"
                : offer == DatasetWriter.Offer.DATASET_FULL
                ? "the dataset's pending writes are at their bound (" + core.options.maxPendingPatchesPerDataset()
                        + " patches, " + core.options.maxPendingBytesPerDataset() + " bytes)"
                : "the writer's pending writes are at their bound (" + core.options.maxPendingPatches()
                        + " patches, " + core.options.maxPendingBytes() + " bytes)");
    }

    private void overloaded(WriteCall call, String reason) {
        core.metrics.overloads.increment();
        core.metrics.failed.increment();
        call.error(new WriterOverloadedException("cogsync writer overloaded: " + reason));
    }

    /** Called whenever room frees: admits held writes, and lets a closing writer see that it has drained. */
    private void roomFreed() {
        waiting.drain(waiter -> offer(waiter.dataset, waiter.write, waiter.call)
                == DatasetWriter.Offer.ACCEPTED, this::timedOut);
        if (closed.get() && core.budget.patches() == 0 && waiting.size() == 0) {
            drained.tryEmitEmpty();
        }
    }

    /**
     * The writer's counters and current queue depths.
     *
     * @return a snapshot
     */
    public WriterStats stats() {
        WriterMetrics m = core.metrics;
        return new WriterStats(m.submitted.sum(), m.written.sum(), m.failed.sum(), m.cancelled.sum(),
                m.updateRecordsCalls.sum(), m.patchesSent.sum(), m.listRecordsCalls.sum(), m.retries.sum(),
                m.throttles.sum(), m.conflicts.sum(), m.lostResponsesRecovered.sum(), m.overloads.sum(),
                core.budget.patches(), core.budget.bytes(), waiting.size(), datasets.active(),
                core.dispatcher.inFlight());
    }

    /**
     * The configuration.
     *
     * @return the options
     */
    public WriterOptions options() {
        return core.options;
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return {@code true} once closing has begun
     */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Stops accepting writes, flushes what is pending, then releases the writer's timers.
     *
     * <p>Starts at once, without blocking; the returned {@code Mono} completes when done, and every call returns
     * the same one. New writes fail with a {@link WriterClosedException}, and so do writes held for room. Queued
     * and in-flight writes are sent as usual for up to {@link WriterOptions#closeTimeout()}; any still pending
     * then fail with a {@link WriterClosedException} that says whether the write may have been applied. No
     * {@code Mono} is left hanging. The client is not closed.
     *
     * @return completes when every write has ended
     */
    public Mono<Void> close() {
        if (closed.compareAndSet(false, true)) {
            for (WaitingWrites.Waiter waiter : waiting.clear()) {
                if (waiter.take()) {
                    if (waiter.timer != null) {
                        waiter.timer.dispose();
                    }
                    core.metrics.failed.increment();
                    waiter.call.error(new WriterClosedException("the writer closed before the write was accepted",
                            false));
                }
            }
            Mono<Void> done = drained.asMono()
                    .timeout(core.options.closeTimeout())
                    .onErrorResume(TimeoutException.class, timeout -> Mono.fromRunnable(this::abortPending))
                    .doFinally(signal -> sweeper.dispose())
                    .cache();
            closing = done;
            roomFreed();
            done.subscribe(ignored -> { }, error -> { });
        }
        return closing;
    }

    private void abortPending() {
        datasets.forEach(writer -> writer.abort(write -> new WriterClosedException(write.attempts > 0
                ? "the writer closed while the write was in flight; it may have been applied"
                : "the writer closed before the write was sent", write.attempts > 0)));
    }
}
