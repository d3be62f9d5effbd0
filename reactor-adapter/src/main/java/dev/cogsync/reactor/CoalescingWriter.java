package dev.cogsync.reactor;

import dev.cogsync.exception.ValidationException;
import dev.cogsync.exception.WriteTimeoutException;
import dev.cogsync.exception.WriterClosedException;
import dev.cogsync.exception.WriterOverloadedException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import org.reactivestreams.Publisher;
import dev.cogsync.reactor.internal.CallExecutor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
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
 *       writer wins with this caller's value), and sends again after a jittered backoff until the write wins or its
 *       deadline passes ({@link WriterOptions#maxConflictRetries()} can bound the rounds).
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
 *   <li><b>Deadlines.</b> Every write has one ({@link WriterOptions#writeTimeout()}, or its own through the
 *       overloads that take a timeout), covering queueing, ListRecords, every attempt and every backoff. It ends
 *       by then with its record, its own error, or a {@link WriteTimeoutException} that carries the last failure
 *       and says whether the write may have been applied. The slack is the timer's tick (10 ms) plus the time the
 *       callers' own continuations take on the timer's thread.
 *   <li><b>Throttling and outages become latency.</b> Throttling (both 429s), 5xx, resets, attempt timeouts and
 *       lost responses never fail a write before its deadline: the writes stay queued, the dataset backs off
 *       exponentially with full jitter (the bases and cap of {@link WriterOptions#retryPolicy()} or the
 *       client's, honouring {@code Retry-After}), and writes that arrive meanwhile join the next request, so
 *       throttling raises the batch size rather than the error rate. Each attempt is one HTTP request scheduled
 *       by the writer; nothing retries underneath it. A spent retry quota lengthens backoffs; it fails nothing.
 *   <li><b>Adaptive rate.</b> With {@link WriterOptions#adaptiveRate()} (the default) each identity's send rate
 *       follows the AWS SDKs' adaptive retry mode: it drops when the service throttles and recovers as requests
 *       succeed, so a sustained over-quota load is paced instead of hammering the service.
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
 *   <li><b>Termination.</b> Every accepted write's {@code Mono} ends by its deadline, with a record or an
 *       error, and {@link #close()} ends every write by its own timeout.
 *   <li><b>Operator logs.</b> Logger {@code dev.cogsync.writer}, at most 10 lines a second: INFO when a dataset
 *       starts and stops being throttled, and when a lost response is found applied; WARN when writes reach
 *       their deadline, when the writer gives up on writes (a non-retryable error), and when the bound on active
 *       datasets refuses a write. Never per patch, never a value or a secret.
 * </ul>
 *
 * <p>The writer does not own the client; close the client after the writer.
 */
public final class CoalescingWriter {

    private final WriterCore core;
    private final DatasetRegistry datasets;
    private final WaitingWrites waiting;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Sinks.Empty<Void> drained = Sinks.empty();
    private final long sweepNanos;
    private volatile Mono<Void> closing;

    CoalescingWriter(WriterCore core) {
        this.core = core;
        this.datasets = new DatasetRegistry(core);
        this.waiting = new WaitingWrites(core.options.maxWaitingWrites());
        core.onRoomFreed(this::roomFreed);
        Duration period = core.options.idleTimeout().dividedBy(2);
        this.sweepNanos = Math.max(Duration.ofMillis(100).toNanos(), period.toNanos());
        core.timer.schedule(this::sweep, sweepNanos);
    }

    private void sweep() {
        if (!closed.get()) {
            datasets.evictIdle(core.options.idleTimeout().toNanos());
            core.timer.schedule(this::sweep, sweepNanos);
        }
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
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(options, "options");
        CallExecutor executor = client.executor();
        return new CoalescingWriter(new WriterCore(options, SyncAttempts.of(client),
                options.retryPolicy() != null ? options.retryPolicy() : executor.retryPolicy(),
                executor.retryQuota(), WriterTimer.system(), () -> ThreadLocalRandom.current().nextDouble(),
                client.adaptiveRates()));
    }

    /**
     * Writes a patch with the caller's own sync count (explicit mode), within {@link WriterOptions#writeTimeout()}.
     *
     * @param dataset the dataset
     * @param patch the patch; its sync count is sent as it is
     * @return the record of the patch's key as the server returned it; a stale count fails with a
     *     {@link dev.cogsync.exception.ResourceConflictException} naming the server's count
     */
    public Mono<Record> submit(DatasetRef dataset, RecordPatch patch) {
        return submit(dataset, patch, null);
    }

    /**
     * Writes a patch with the caller's own sync count (explicit mode), within its own timeout.
     *
     * @param dataset the dataset
     * @param patch the patch; its sync count is sent as it is
     * @param timeout the time the write has from subscription; {@code null} for the writer's default
     * @return the record, or the write's error, or a {@link WriteTimeoutException}
     */
    public Mono<Record> submit(DatasetRef dataset, RecordPatch patch, Duration timeout) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(patch, "patch");
        return new WriteMono(this::accept, dataset, patch, false, false, checked(timeout));
    }

    /**
     * Writes a value; the writer fills in the sync count (managed mode), within
     * {@link WriterOptions#writeTimeout()}.
     *
     * @param dataset the dataset
     * @param key the record key, 1 to 1,024 characters
     * @param value the value, at most 1,048,575 characters
     * @return the record as the server returned it: this caller's value, a later caller's that replaced it
     *     while both were queued, or what the conflict resolver chose
     */
    public Mono<Record> put(DatasetRef dataset, String key, String value) {
        return put(dataset, key, value, null);
    }

    /**
     * Writes a value (managed mode) within its own timeout.
     *
     * @param dataset the dataset
     * @param key the record key, 1 to 1,024 characters
     * @param value the value, at most 1,048,575 characters
     * @param timeout the time the write has from subscription; {@code null} for the writer's default
     * @return the record, or the write's error, or a {@link WriteTimeoutException}
     */
    public Mono<Record> put(DatasetRef dataset, String key, String value, Duration timeout) {
        Objects.requireNonNull(dataset, "dataset");
        RecordPatch patch;
        try {
            patch = RecordPatch.replace(key, value, 0);
        } catch (ValidationException e) {
            return Mono.error(e);
        }
        return new WriteMono(this::accept, dataset, patch, true, false, checked(timeout));
    }

    /**
     * Removes a record, leaving a tombstone; the writer fills in the sync count (managed mode).
     *
     * @param dataset the dataset
     * @param key the record key
     * @return the tombstone as the server returned it
     */
    public Mono<Record> remove(DatasetRef dataset, String key) {
        return remove(dataset, key, null);
    }

    /**
     * Removes a record (managed mode) within its own timeout.
     *
     * @param dataset the dataset
     * @param key the record key
     * @param timeout the time the write has from subscription; {@code null} for the writer's default
     * @return the tombstone, or the write's error, or a {@link WriteTimeoutException}
     */
    public Mono<Record> remove(DatasetRef dataset, String key, Duration timeout) {
        Objects.requireNonNull(dataset, "dataset");
        RecordPatch patch;
        try {
            patch = RecordPatch.remove(key, 0);
        } catch (ValidationException e) {
            return Mono.error(e);
        }
        return new WriteMono(this::accept, dataset, patch, true, false, checked(timeout));
    }

    private static Duration checked(Duration timeout) {
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        }
        return timeout;
    }

    /**
     * Writes a stream of writes with Reactive Streams backpressure: it requests from upstream only as room
     * frees, holds at most {@link WriterOptions#submitAllConcurrency()} of the stream's writes at once, and
     * emits one outcome per write, in completion order. A write that fails is an outcome, not an error of the
     * stream. Writes of the stream wait for room rather than failing fast; each has the default write timeout
     * from the moment it is admitted.
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
            return new WriteMono(this::accept, submit.dataset(), submit.patch(), false, true, null);
        }
        RecordPatch patch;
        try {
            patch = request instanceof WriteRequest.Put put ? RecordPatch.replace(put.key(), put.value(), 0)
                    : RecordPatch.remove(((WriteRequest.Remove) request).key(), 0);
        } catch (ValidationException e) {
            return Mono.error(e);
        }
        return new WriteMono(this::accept, request.dataset(), patch, true, true, null);
    }

    /** Offers a subscribed write: to its dataset, or to the queue of writes waiting for room. */
    private void accept(DatasetRef dataset, PendingWrite write, WriteCall call, boolean stream, Duration timeout) {
        core.metrics.submitted.increment();
        call.observe(core.options.listener(), core.timer);
        if (closed.get()) {
            core.metrics.failed.increment();
            call.error(new WriterClosedException("the writer is closed; the write was not accepted", false));
            return;
        }
        Duration writeTimeout = timeout != null ? timeout : core.options.writeTimeout();
        // A write of a stream gets its whole timeout once admitted; any other write's deadline starts now.
        long deadline = stream ? Long.MIN_VALUE : core.timer.nanoTime() + writeTimeout.toNanos();
        boolean mayWait = stream || core.options.overloadPolicy() == OverloadPolicy.WAIT;
        if (mayWait && waiting.size() > 0) {
            // Others are already waiting for room: queue behind them.
            hold(dataset, write, call, stream, writeTimeout, deadline);
            return;
        }
        WriteQueue.Offer offer = offer(dataset, write, call, writeTimeout, deadline);
        if (offer == WriteQueue.Offer.ACCEPTED) {
            return;
        }
        if (mayWait) {
            hold(dataset, write, call, stream, writeTimeout, deadline);
        } else {
            overloaded(call, offer);
        }
    }

    private WriteQueue.Offer offer(DatasetRef dataset, PendingWrite write, WriteCall call, Duration timeout,
                                   long deadline) {
        return datasets.offer(dataset, write, call,
                deadline != Long.MIN_VALUE ? deadline : core.timer.nanoTime() + timeout.toNanos(), timeout);
    }

    private void hold(DatasetRef dataset, PendingWrite write, WriteCall call, boolean stream, Duration timeout,
                      long deadline) {
        WaitingWrites.Waiter waiter = new WaitingWrites.Waiter(dataset, write, call, timeout, deadline);
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
            // A held write waits for room no longer than the overload timeout, nor past its own deadline.
            Duration wait = core.options.overloadWaitTimeout().compareTo(timeout) < 0
                    ? core.options.overloadWaitTimeout() : timeout;
            waiter.timer = core.timer.schedule(() -> {
                waiter.timedOut = true;
                if (waiter.take() && waiting.remove(waiter)) {
                    timedOut(waiter);
                }
            }, wait.toNanos());
        }
        roomFreed();
    }

    private void timedOut(WaitingWrites.Waiter waiter) {
        overloaded(waiter.call, "no room for the write within " + core.options.overloadWaitTimeout());
    }

    private void overloaded(WriteCall call, WriteQueue.Offer offer) {
        overloaded(call, offer == null
                ? "the most active datasets (" + core.options.maxActiveDatasets() + ") are busy"
                : offer == WriteQueue.Offer.DATASET_FULL
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
        waiting.drain(waiter -> offer(waiter.dataset, waiter.write, waiter.call, waiter.timeout, waiter.deadline)
                == WriteQueue.Offer.ACCEPTED, this::timedOut);
        if (closed.get() && core.budget.patches() == 0 && waiting.size() == 0) {
            drained.tryEmitEmpty();
        }
    }

    /**
     * Deletes a dataset in order with its writes: the writes accepted before this call are written first (into the
     * dataset that is then deleted), and the writes accepted after it wait, then go into a new dataset whose sync
     * counts start over from 0. The writer forgets the counts and the session token of the deleted dataset, so no
     * write after the delete fails with a stale count, and a managed write after it never merges with one before
     * it. The delete is retried on throttling and transient failures like a write, within
     * {@link WriterOptions#writeTimeout()}.
     *
     * @param dataset the dataset
     * @return the dataset as it was when deleted; one that did not exist fails with
     *     {@link dev.cogsync.exception.ResourceNotFoundException}, and later writes create it
     */
    public Mono<dev.cogsync.model.Dataset> deleteDataset(DatasetRef dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return Mono.create(sink -> {
            if (closed.get()) {
                sink.error(new WriterClosedException("the writer is closed; the delete was not accepted", false));
                return;
            }
            Duration timeout = core.options.writeTimeout();
            long deadline = core.timer.nanoTime() + timeout.toNanos();
            while (true) {
                DatasetWrites writes = datasets.activate(dataset);
                if (writes == null) {
                    sink.error(new WriterOverloadedException("cogsync writer overloaded: the most active datasets ("
                            + core.options.maxActiveDatasets() + ") are busy"));
                    return;
                }
                if (writes.delete(sink, deadline, timeout)) {
                    return;
                }
            }
        });
    }

    /**
     * A view of this writer that writes values of one type, encoded by a codec (for example a
     * {@link dev.cogsync.reactor.json.JacksonValueCodec}).
     *
     * @param codec encodes the values
     * @param <T> the value type
     * @return the typed view; writes go through this writer
     */
    public <T> TypedWriter<T> typed(dev.cogsync.codec.ValueCodec<T> codec) {
        return new TypedWriter<>(this, codec);
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
                m.timedOut.sum(), m.rateLimitedWaits.sum(), m.datasetBoundReached.sum(),
                core.budget.patches(), core.budget.bytes(), waiting.size(), datasets.active(),
                core.permits.inFlight());
    }

    /**
     * Identities whose adaptive send rate is holding their requests back now. Walks every identity the writer has
     * a rate for, so read it at scrape intervals, not per write.
     *
     * @return identities being paced by their adaptive rate; 0 when {@link WriterOptions#adaptiveRate()} is off
     */
    public int rateLimitedIdentities() {
        return core.rates == null ? 0 : core.rates.limiting();
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
            long pending = core.budget.patches();
            int held = waiting.size();
            if (pending > 0 || held > 0) {
                core.log.info("cogsync: writer closing: {} pending writes are flushed for up to {} ms; {} writes "
                        + "waiting for room fail now", pending, core.options.closeTimeout().toMillis(), held);
            } else {
                core.log.info("cogsync: writer closed with nothing pending");
            }
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
            Sinks.One<Void> timeUp = Sinks.one();
            core.timer.schedule(() -> timeUp.tryEmitEmpty(), core.options.closeTimeout().toNanos());
            Mono<Void> done = Mono.firstWithSignal(drained.asMono(),
                            timeUp.asMono().then(Mono.error(new TimeoutException())))
                    .onErrorResume(TimeoutException.class, timeout -> Mono.fromRunnable(this::abortPending))
                    .cache();
            closing = done;
            roomFreed();
            done.subscribe(ignored -> { }, error -> { });
        }
        return closing;
    }

    private void abortPending() {
        core.log.warn("cogsync: writer closed after {} ms with {} writes not flushed; they fail with "
                + "WriterClosedException", core.options.closeTimeout().toMillis(), core.budget.patches());
        datasets.forEach(dataset -> dataset.abort(write -> new WriterClosedException(write.mayHaveBeenApplied()
                ? "the writer closed while the write was in flight; it may have been applied"
                : "the writer closed before the write was sent", write.mayHaveBeenApplied())));
    }
}
