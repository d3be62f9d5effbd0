package dev.cogsync.reactor;

import dev.cogsync.batch.BatchLimits;
import dev.cogsync.batch.ConflictAnalysis;
import dev.cogsync.batch.Resolution;
import dev.cogsync.batch.ResponseMapping;
import dev.cogsync.exception.AttemptTimeoutException;
import dev.cogsync.exception.CognitoSyncClientException;
import dev.cogsync.exception.CognitoSyncException;
import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.exception.LimitExceededException;
import dev.cogsync.exception.MalformedResponseException;
import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.exception.SyncCountConflict;
import dev.cogsync.exception.TransportException;
import dev.cogsync.exception.WriteTimeoutException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import dev.cogsync.reactor.internal.CallExecutor;
import dev.cogsync.retry.AdaptiveRateLimiter;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The writer's state machine for one dataset: the whole life of its writes, in one place.
 *
 * <p>Writes wait in the dataset's {@link WriteQueue}. Everything else happens in one serialized drain loop
 * ({@link #drain()}, the work-in-progress pattern of Reactor's operators and of OkHttp's
 * {@code Dispatcher.promoteAndExecute}): a write offered to an idle dataset, an attempt's outcome, a timer, a
 * granted permit or a close each wake the loop, and each turn of it ({@link #step()}) does, in order:
 * <ol>
 *   <li>take the outcome of the attempt in flight, if one came, and decide what follows from it;</li>
 *   <li>fail the callers whose deadline has passed;</li>
 *   <li>unless an attempt is in flight, start the next one when the backoff has passed, a request permit is held
 *       and the identity's adaptive rate allows: a ListRecords page when a session token, the records' counts,
 *       or the resolution of a refused batch needs one; otherwise an UpdateRecords of the next batch;</li>
 *   <li>arm a timer for the earliest deadline.</li>
 * </ol>
 * At most one attempt is in flight per dataset, and each is exactly one HTTP request: retries are the loop's own
 * decision, taken with {@link dev.cogsync.retry.RetryPolicy}'s backoff arithmetic, so retries never nest.
 *
 * <p>How each outcome is handled, so that no write fails before its deadline for a reason that is not its own:
 * throttling and transient failures (5xx, resets, attempt timeouts) put the writes back at the head of the queue
 * and back the dataset off, exponentially with full jitter, honouring {@code Retry-After}; the retry quota can
 * lengthen a backoff but never fails a write. A stale write is condemned alone; other writes go again. A managed
 * write's conflict is resolved by the resolver and sent again after a jittered backoff, until it wins or its
 * deadline passes. A request refused by {@code LimitExceededException} is checked against the dataset's records,
 * and only the writes that cannot fit fail; when the records do not explain it, the batch is bisected. A request
 * whose response was lost is checked against the records before anything is reported.
 */
final class DatasetWrites {

    /** Where the dataset's drain loop is. */
    enum State {
        /** Nothing queued, taken or scheduled. */
        IDLE,
        /** Writes are pending; the loop waits for a backoff, the adaptive rate or a request permit. */
        WAITING,
        /** A ListRecords page is in flight: for a token, the records' counts, or to resolve a refused batch. */
        LISTING,
        /** An UpdateRecords is in flight. */
        SENDING,
        /** Evicted or closed: refuses writes. */
        RETIRED
    }

    /** Contention backoff stops growing here: up to 400 ms with the default 100 ms base, enough to break a lockstep. */
    private static final int MAX_CONTENTION_EXPONENT = 3;

    final DatasetRef dataset;
    private final WriterCore core;
    private final WriteQueue queue;
    private final DatasetSyncState sync = new DatasetSyncState();
    private final AdaptiveRateLimiter limiter;
    private final AtomicInteger wip = new AtomicInteger();

    // Set by other threads, taken by the drain loop.
    private volatile State state = State.IDLE;
    private volatile long idleSinceNanos;
    private volatile Outcome outcome;
    private volatile boolean permitGranted;
    private volatile Function<PendingWrite, Throwable> abort;

    // Confined to the drain loop.
    private boolean permitHeld;
    private boolean awaitingPermit;
    private boolean rateReserved;
    /** Whether this dataset is counted as a sender of its identity's limiter (it has work). */
    private boolean sending;
    private long notBeforeNanos = Long.MIN_VALUE;
    /** Wakes the loop when a backoff or the adaptive rate's wait is over. */
    private final Alarm wakeup = new Alarm();
    /** Wakes the loop at the earliest deadline of what is pending. */
    private final Alarm deadline = new Alarm();
    private Disposable subscription;
    /** The batch in flight, or held while the refusal in {@link #held} is resolved. */
    private List<PendingWrite> taken = List.of();
    private CognitoSyncServiceException held;
    private DatasetListing listing;
    private int failures;
    private int contention;
    private int pendingRefund;
    private boolean tokenRetried;
    private int suspects;
    private int isolationCap = Integer.MAX_VALUE;
    private Throwable lastError;
    /** Deletes asked for, oldest first; each waits for the writes accepted before it. */
    private final java.util.concurrent.ConcurrentLinkedQueue<PendingDelete> deletes =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Whether the attempt in flight is the oldest pending delete's. */
    private boolean deleting;
    private long throttledSince = -1;
    private int throttledResponses;

    DatasetWrites(DatasetRef dataset, WriterCore core) {
        this.dataset = dataset;
        this.core = core;
        this.queue = new WriteQueue(core);
        this.limiter = core.rates == null ? null : core.rates.forIdentity(dataset, core.timer.nanoTime());
        this.idleSinceNanos = core.timer.nanoTime();
    }

    // ---- Called from any thread ----

    /** Queues a write for a caller with its deadline, and wakes the loop if it needs waking. */
    WriteQueue.Offer offer(PendingWrite write, WriteCall call, long deadlineNanos, Duration timeout) {
        WriteQueue.Admission admission = queue.offer(write,
                new PendingWrite.Caller(call, write.value, write.remove, deadlineNanos, timeout));
        if (admission.offer() != WriteQueue.Offer.ACCEPTED) {
            return admission.offer();
        }
        PendingWrite holder = admission.holder();
        call.onCancel(() -> {
            if (queue.withdraw(holder, call, true) != null) {
                core.metrics.cancelled.increment();
            }
        });
        if (admission.kick()) {
            drain();
        }
        return WriteQueue.Offer.ACCEPTED;
    }

    /**
     * Deletes the dataset once the writes accepted before this call are done; writes accepted after it wait for
     * the delete, and then go into the new dataset.
     *
     * @return {@code false} when the dataset was retired meanwhile: ask a fresh one
     */
    boolean delete(reactor.core.publisher.MonoSink<dev.cogsync.model.Dataset> sink, long deadlineNanos,
                   Duration timeout) {
        long barrier = queue.placeDelete();
        if (barrier < 0) {
            return false;
        }
        PendingDelete delete = new PendingDelete(barrier, sink, deadlineNanos, timeout);
        deletes.add(delete);
        sink.onCancel(() -> delete.cancelled = true);
        drain();
        return true;
    }

    /** A request permit was handed to this dataset. */
    void permitGranted() {
        permitGranted = true;
        drain();
    }

    /** Retires the dataset if it has been idle for {@code idleNanos}; its token and counts are dropped. */
    boolean retireIfIdle(long idleNanos, long now) {
        if (state != State.IDLE || now - idleSinceNanos < idleNanos || !queue.retireIfEmpty()) {
            return false;
        }
        state = State.RETIRED;
        drain();
        return true;
    }

    /** Closes the dataset for good: fails what is pending, each write with the error the function gives. */
    void abort(Function<PendingWrite, Throwable> error) {
        abort = error;
        drain();
    }

    State state() {
        return state;
    }

    int pendingPatches() {
        return queue.pendingPatches();
    }

    // ---- The drain loop ----

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            try {
                step();
            } catch (RuntimeException | Error e) {
                internalFailure(e);
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void step() {
        long now = core.timer.nanoTime();
        if (permitGranted) {
            permitGranted = false;
            permitHeld = true;
            awaitingPermit = false;
        }
        wakeup.takeDue();
        deadline.takeDue();
        Outcome done = outcome;
        if (done != null) {
            outcome = null;
            subscription = null;
            releasePermit();
            State was = state;
            state = State.WAITING;
            if (was == State.LISTING) {
                onListed(done, now);
            } else if (deleting) {
                onDeleted(done, now);
            } else {
                onUpdated(done, now);
            }
        }
        Function<PendingWrite, Throwable> aborting = abort;
        if (aborting != null) {
            abortAll(aborting);
            return;
        }
        if (queue.isRetired() && state == State.RETIRED) {
            releasePermit();
            wakeup.cancel();
            deadline.cancel();
            return;
        }
        if (now >= queue.earliestDeadline()) {
            expire(now);
        }
        expireDeletes(now);
        if (state != State.LISTING && state != State.SENDING) {
            advance(now);
        }
        if (state != State.IDLE) {
            armDeadline(now);
        }
    }

    /** Starts the next attempt if it may start now, or waits for what it needs, or goes idle. */
    private void advance(long now) {
        if (taken.isEmpty() && listing == null && deletes.isEmpty() && queue.goIdleIfEmpty()) {
            releasePermit();
            if (state != State.IDLE) {
                state = State.IDLE;
                idleSinceNanos = now;
            }
            if (sending) {
                sending = false;
                limiter.removeSender();
            }
            return;
        }
        if (limiter != null && !sending) {
            sending = true;
            limiter.addSender();
        }
        if (state == State.IDLE && !core.options.linger().isZero()) {
            notBeforeNanos = Math.max(notBeforeNanos, now + core.options.linger().toNanos());
        }
        state = State.WAITING;
        if (now < notBeforeNanos) {
            releasePermit();
            wakeAt(notBeforeNanos, now);
            return;
        }
        if (!permitHeld) {
            if (awaitingPermit) {
                return;
            }
            if (!core.permits.tryAcquire(this)) {
                awaitingPermit = true;
                return;
            }
            permitHeld = true;
        }
        if (limiter != null && !rateReserved) {
            long wait = limiter.reserve(now);
            if (wait > 0) {
                // The token is ours; send when the rate allows, without holding a permit meanwhile.
                rateReserved = true;
                core.metrics.rateLimitedWaits.increment();
                notBeforeNanos = now + wait;
                releasePermit();
                wakeAt(notBeforeNanos, now);
                return;
            }
        }
        rateReserved = false;
        if (listing == null && !deletes.isEmpty() && queue.readyToDelete()) {
            sendDelete();
            return;
        }
        if (listing == null) {
            listing = listingNeeded();
        }
        if (listing != null) {
            sendPage();
        } else {
            sendBatch(now);
        }
    }

    private DatasetListing listingNeeded() {
        if (!sync.countsComplete() && queue.hasManaged()) {
            return DatasetListing.all(dataset);
        }
        if (!sync.needsToken()) {
            return null;
        }
        if (sync.countsComplete()) {
            return sync.datasetSyncCount() == 0 ? DatasetListing.all(dataset)
                    : DatasetListing.since(dataset, sync.datasetSyncCount());
        }
        // Explicit writes carry their own counts: one small page is enough for a token.
        return DatasetListing.token(dataset);
    }

    private void sendPage() {
        state = State.LISTING;
        core.metrics.listRecordsCalls.increment();
        CallExecutor.Attempts attempts = new CallExecutor.Attempts(0);
        subscription = core.calls.list(listing.next, attempts).subscribe(
                page -> complete(new Outcome(page, null, attempts)),
                error -> complete(new Outcome(null, error, attempts)));
    }

    private void sendBatch(long now) {
        BatchLimits limits = core.options.batchLimits();
        List<PendingWrite> batch = queue.take(isolationCap >= limits.maxPatches() ? limits
                : new BatchLimits(isolationCap, limits.maxBytes()));
        if (batch.isEmpty()) {
            advance(now);
            return;
        }
        taken = batch;
        List<RecordPatch> patches = new ArrayList<>(batch.size());
        int attemptsMade = 0;
        for (PendingWrite write : batch) {
            write.sent = write.patch(sync.knownSyncCount(write.key));
            write.attempts++;
            write.inFlight = true;
            attemptsMade = Math.max(attemptsMade, write.attempts);
            patches.add(write.sent);
        }
        UpdateRecordsRequest request = new UpdateRecordsRequest(dataset, patches, sync.token(),
                core.options.deviceId(), null);
        core.metrics.updateRecordsCalls.increment();
        core.metrics.patchesSent.add(patches.size());
        try {
            core.options.listener().batchSent(patches.size());
        } catch (RuntimeException ignored) {
            // A listener's failure is not the request's.
        }
        state = State.SENDING;
        CallExecutor.Attempts attempts = new CallExecutor.Attempts(attemptsMade - 1);
        subscription = core.calls.update(request, patches, attempts).subscribe(
                response -> complete(new Outcome(response, null, attempts)),
                error -> complete(new Outcome(null, error, attempts)));
    }

    private void sendDelete() {
        state = State.SENDING;
        deleting = true;
        CallExecutor.Attempts attempts = new CallExecutor.Attempts(0);
        subscription = core.calls.delete(dataset, attempts).subscribe(
                deleted -> complete(new Outcome(deleted, null, attempts)),
                error -> complete(new Outcome(null, error, attempts)));
    }

    private void complete(Outcome result) {
        outcome = result;
        drain();
    }

    // ---- Outcomes ----

    private void onListed(Outcome done, long now) {
        DatasetListing current = listing;
        if (done.error == null) {
            succeeded(now);
            ListRecordsResponse page = (ListRecordsResponse) done.value;
            if (!current.accept(page, sync)) {
                return;
            }
            listing = null;
            if (current.kind == DatasetListing.Kind.ALL) {
                sync.replaceAll(current.records, page);
            } else {
                sync.listed(page);
            }
            if (held != null) {
                resolveHeld(current.records, now);
            }
            return;
        }
        CognitoSyncException error = WriteFailures.typed(done.error, done.attempts);
        if (current.kind == DatasetListing.Kind.SINCE && WriteFailures.isNoSuchSyncCount(error)) {
            // The dataset was deleted and created again since: its counts restarted.
            listing = DatasetListing.all(dataset);
            return;
        }
        if (error.isRetryable()) {
            current.restart();
            backOff(error, done.attempts, now);
            return;
        }
        // Nothing can be sent without this listing: fail the writes it was for.
        listing = null;
        List<PendingWrite> victims = held != null ? taken
                : queue.take(core.options.batchLimits());
        held = null;
        taken = List.of();
        giveUp(victims, error, "ListRecords failed");
    }

    /** The oldest pending delete's attempt ended: reset what is known of the dataset, or retry, or give up. */
    private void onDeleted(Outcome done, long now) {
        deleting = false;
        PendingDelete delete = deletes.peek();
        if (done.error == null) {
            succeeded(now);
            sync.deleted();
            finishDelete(delete, (dev.cogsync.model.Dataset) done.value, null);
            return;
        }
        CognitoSyncException error = WriteFailures.typed(done.error, done.attempts);
        if (error.isRetryable()) {
            delete.mayHaveBeenApplied |= WriteFailures.mayHaveBeenApplied(error);
            backOff(error, done.attempts, now);
            return;
        }
        if (error instanceof dev.cogsync.exception.ResourceNotFoundException) {
            // Nothing was there: the next write creates the dataset afresh either way.
            sync.deleted();
        }
        finishDelete(delete, null, error);
    }

    private void finishDelete(PendingDelete delete, dev.cogsync.model.Dataset deleted, Throwable error) {
        deletes.remove(delete);
        PendingDelete next = deletes.peek();
        queue.deleteDone(next == null ? Long.MAX_VALUE : next.barrier);
        if (!delete.cancelled) {
            if (error == null) {
                delete.sink.success(deleted);
            } else {
                delete.sink.error(error);
            }
        }
    }

    /** Deletes past their deadline: one not sent yet is dropped; one in flight ends its caller, and runs out. */
    private void expireDeletes(long now) {
        for (PendingDelete delete : deletes) {
            if (delete.deadlineNanos > now && !delete.cancelled) {
                continue;
            }
            boolean inFlight = deleting && delete == deletes.peek();
            if (!inFlight) {
                finishDelete(delete, null, delete.cancelled ? null : new WriteTimeoutException(delete.timeout,
                        lastError, 0, delete.mayHaveBeenApplied));
            } else if (!delete.cancelled) {
                delete.cancelled = true;
                delete.sink.error(new WriteTimeoutException(delete.timeout, lastError, 0, true));
            }
        }
    }

    private void onUpdated(Outcome done, long now) {
        List<PendingWrite> batch = taken;
        taken = List.of();
        for (PendingWrite write : batch) {
            write.inFlight = false;
        }
        if (done.error == null) {
            written(batch, (UpdateRecordsResponse) done.value, now);
            return;
        }
        CognitoSyncException error = WriteFailures.typed(done.error, done.attempts);
        if (WriteFailures.isRejectedToken(error)) {
            sync.tokenRejected();
            if (tokenRetried) {
                tokenRetried = false;
                giveUp(batch, error, "the session token was refused twice");
            } else {
                tokenRetried = true;
                requeue(batch);
            }
        } else if (error instanceof CognitoSyncServiceException service && service.isConflict()) {
            succeeded(now);
            conflict(batch, service, now);
        } else if (error.isRetryable()) {
            if (WriteFailures.mayHaveBeenApplied(error)) {
                List<RecordPatch> sent = new ArrayList<>(batch.size());
                batch.forEach(write -> sent.add(write.sent));
                PendingWrite.LostResponse lost = new PendingWrite.LostResponse(sent, error);
                batch.forEach(write -> write.lost(lost));
            }
            batch.forEach(write -> write.lastError = error);
            requeue(batch);
            backOff(error, done.attempts, now);
        } else if (error instanceof LimitExceededException limit && batch.size() > 1) {
            // Find the writes that cannot fit from the dataset's records, rather than splitting down to one.
            succeeded(now);
            hold(batch, limit);
        } else if (WriteFailures.isRequestLevelRejection(error) && batch.size() > 1) {
            // One write may be to blame for the whole request: send halves until it is alone.
            bisect(batch);
        } else {
            giveUp(batch, error, "UpdateRecords failed");
            if (suspects > 0 && batch.size() == 1) {
                // Bisection isolated the write to blame: the rest goes in full batches again.
                suspects = 0;
                isolationCap = Integer.MAX_VALUE;
            } else {
                settleSuspects(batch.size());
            }
        }
    }

    private void written(List<PendingWrite> batch, UpdateRecordsResponse response, long now) {
        succeeded(now);
        sync.tokenUsed();
        tokenRetried = false;
        contention = 0;
        List<RecordPatch> sent = new ArrayList<>(batch.size());
        batch.forEach(write -> sent.add(write.sent));
        Record[] records = ResponseMapping.match(sent, response.records());
        if (records.length != response.records().size()) {
            // The response also holds records a server-side trigger wrote: learn their counts too.
            response.records().forEach(sync::learn);
        }
        for (int i = 0; i < records.length; i++) {
            PendingWrite write = batch.get(i);
            if (records[i] != null) {
                sync.learn(write.key, records[i].syncCount());
                succeed(write, records[i]);
            } else {
                fail(write, new MalformedResponseException(
                        "the UpdateRecords response has no record for a key the request wrote", write.attempts));
            }
        }
        settleSuspects(batch.size());
    }

    private void conflict(List<PendingWrite> batch, CognitoSyncServiceException error, long now) {
        core.metrics.conflicts.increment();
        Optional<SyncCountConflict> named = error.conflict();
        boolean simple = named.isPresent()
                && batch.stream().noneMatch(write -> write.managed || write.hasUnsettledLostResponse());
        PendingWrite culprit = simple ? find(batch, named.get().key()) : null;
        if (culprit != null) {
            // The service named the stale write and the current count: condemn it alone, resend the rest.
            sync.learnCount(culprit.key, named.get().currentSyncCount());
            fail(culprit, new ResourceConflictException(error.statusCode(), named.get().toMessage(),
                    error.requestId(), culprit.attempts));
            List<PendingWrite> innocent = new ArrayList<>(batch);
            innocent.remove(culprit);
            requeue(innocent);
            return;
        }
        // Another writer may be racing us for these keys. Back off (jittered, capped) before listing, never
        // between the listing and the send: counts listed and then held would be stale by the time they go out.
        contention++;
        notBeforeNanos = Math.max(notBeforeNanos, now + core.retryPolicy.backoff(Math.min(contention,
                MAX_CONTENTION_EXPONENT), false, core.jitter.getAsDouble()).toNanos());
        hold(batch, error);
    }

    /** Holds a refused batch aside and lists every record, to resolve the refusal against them. */
    private void hold(List<PendingWrite> batch, CognitoSyncServiceException refusal) {
        taken = batch;
        held = refusal;
        listing = DatasetListing.all(dataset);
    }

    private void resolveHeld(Map<String, Record> current, long now) {
        List<PendingWrite> batch = taken;
        CognitoSyncServiceException refusal = held;
        taken = List.of();
        held = null;
        if (refusal instanceof LimitExceededException limit) {
            resolveLimit(batch, limit, current);
        } else {
            resolveConflict(batch, refusal, current);
        }
    }

    private void resolveLimit(List<PendingWrite> batch, LimitExceededException refusal,
                              Map<String, Record> current) {
        List<RecordPatch> sent = new ArrayList<>(batch.size());
        batch.forEach(write -> sent.add(write.sent));
        List<Integer> over = core.capacity.overLimit(sent, current);
        if (over.isEmpty()) {
            // The records do not explain the refusal (another writer, or a rule we do not model): bisect.
            bisect(batch);
            return;
        }
        List<PendingWrite> fitting = new ArrayList<>(batch);
        for (int i = over.size() - 1; i >= 0; i--) {
            PendingWrite write = fitting.remove((int) over.get(i));
            fail(write, new LimitExceededException(refusal.statusCode(), "the write cannot fit in the dataset ("
                    + refusal.errorMessage() + ")", refusal.requestId(), write.attempts));
        }
        requeue(fitting);
    }

    private void resolveConflict(List<PendingWrite> batch, CognitoSyncServiceException error,
                                 Map<String, Record> current) {
        for (PendingWrite write : batch) {
            for (PendingWrite.LostResponse lost : write.lostResponses) {
                if (!lost.settled) {
                    lost.applied = ConflictAnalysis.wasApplied(lost.sent, current);
                    lost.settled = true;
                }
            }
        }
        List<PendingWrite> survivors = new ArrayList<>(batch.size());
        for (PendingWrite write : batch) {
            Record remote = current.get(write.key);
            if (write.lostResponseApplied()) {
                if (remote != null && Objects.equals(write.wantedValue(), remote.value())) {
                    core.metrics.lostResponsesRecovered.increment();
                    core.log.info("cogsync: a lost UpdateRecords response to dataset {} was found applied; the "
                            + "write is acknowledged", dataset.datasetName());
                    succeed(write, remote);
                } else {
                    // Our own earlier request moved the count, and a later caller's value replaced the one it
                    // wrote: no conflict with another writer, so send again at the new count.
                    survivors.add(write);
                }
            } else if (!ConflictAnalysis.isStale(write.sent, current)) {
                survivors.add(write);
            } else if (!write.managed || write.conflictResolutions++ >= core.options.maxConflictRetries()) {
                fail(write, WriteFailures.conflictError(write, error, current));
            } else if (resolveManaged(write, remote, error, current)) {
                survivors.add(write);
            }
        }
        requeue(survivors);
    }

    /** Applies the resolver to a stale managed write; returns whether the write is to be sent again. */
    private boolean resolveManaged(PendingWrite write, Record remote, CognitoSyncServiceException error,
                                   Map<String, Record> current) {
        Resolution resolution;
        try {
            resolution = core.options.conflictResolver().resolve(write.key, write.wantedValue(), remote);
        } catch (RuntimeException e) {
            fail(write, new CognitoSyncClientException("the conflict resolver failed: " + e.getClass().getName(),
                    e, write.attempts));
            return false;
        }
        if (resolution instanceof Resolution.UseLocal) {
            return true;
        }
        if (resolution instanceof Resolution.Write merged) {
            queue.rewrite(write, merged.value());
            return true;
        }
        if (resolution instanceof Resolution.KeepRemote && remote != null) {
            succeed(write, remote);
        } else {
            fail(write, WriteFailures.conflictError(write, error, current));
        }
        return false;
    }

    private void bisect(List<PendingWrite> batch) {
        if (suspects == 0) {
            suspects = batch.size();
        }
        isolationCap = Math.max(1, batch.size() / 2);
        requeue(batch);
    }

    private void settleSuspects(int finished) {
        if (suspects > 0) {
            suspects = Math.max(0, suspects - finished);
            if (suspects == 0) {
                isolationCap = Integer.MAX_VALUE;
            }
        }
    }

    // ---- Backoff, rate and deadlines ----

    /** Backs the dataset off after a retryable failure; the writes stay queued. */
    private void backOff(CognitoSyncException error, CallExecutor.Attempts attempts, long now) {
        failures++;
        lastError = error;
        core.metrics.retries.increment();
        if (error.isThrottling()) {
            core.metrics.throttles.increment();
            throttledResponses++;
            if (limiter != null) {
                limiter.onThrottle(now);
            }
            if (throttledSince < 0) {
                throttledSince = now;
                core.log.info("cogsync: dataset {} is throttled ({}); backing off{}", dataset.datasetName(),
                        error.getClass().getSimpleName(), limiter == null ? ""
                                : String.format(", identity's send rate now %.1f/s", limiter.rate()));
            }
        }
        // With an adaptive rate, the identity's rate paces throttled datasets: stacking a per-dataset exponential
        // backoff on top would turn a long run of throttles into waits past the writes' deadlines.
        int exponent = error.isThrottling() && limiter != null ? 1 : failures;
        Duration delay = core.retryPolicy.retryDelay(exponent, error, attempts.retryAfterHint(),
                core.jitter.getAsDouble());
        if (error.isThrottling() && limiter != null) {
            // The adaptive rate already paces throttled requests; charging them to the retry quota as well would
            // spend it on what the rate handles (the AWS SDKs' legacy mode charged throttling nothing either).
            notBeforeNanos = now + delay.toNanos();
            return;
        }
        int tokens = core.retryQuota.tryAcquire(error instanceof TransportException
                || error instanceof AttemptTimeoutException);
        if (tokens == 0) {
            // The client's retry budget is spent: retries slow down (the backoff doubles, up to the cap); writes
            // still wait for their deadline rather than fail.
            Duration doubled = delay.multipliedBy(2);
            delay = doubled.compareTo(core.retryPolicy.maxBackoff()) > 0 ? core.retryPolicy.maxBackoff() : doubled;
        } else {
            pendingRefund = tokens;
        }
        notBeforeNanos = now + delay.toNanos();
    }

    /** A response came: the dataset is not failing, and its identity's rate may rise. */
    private void succeeded(long now) {
        failures = 0;
        if (pendingRefund > 0) {
            core.retryQuota.releaseAfterSuccess(pendingRefund);
            pendingRefund = 0;
        }
        if (limiter != null) {
            limiter.onSuccess(now);
        }
        if (throttledSince >= 0) {
            core.log.info("cogsync: dataset {} is no longer throttled, after {} throttled responses in {} ms",
                    dataset.datasetName(), throttledResponses, (now - throttledSince) / 1_000_000);
            throttledSince = -1;
            throttledResponses = 0;
        }
    }

    /** Fails every caller whose deadline has passed, queued, in flight or held. */
    private void expire(long now) {
        List<Object[]> expired = queue.expired(now, taken);
        int count = 0;
        for (Object[] entry : expired) {
            PendingWrite write = (PendingWrite) entry[0];
            PendingWrite.Caller caller = (PendingWrite.Caller) entry[1];
            boolean mayHaveBeenApplied = write.mayHaveBeenApplied();
            if (queue.withdraw(write, caller.call(), false) != null) {
                count++;
                core.metrics.timedOut.increment();
                core.metrics.failed.increment();
                Throwable cause = write.lastError != null ? write.lastError : lastError;
                caller.call().error(new WriteTimeoutException(caller.timeout(), cause, write.attempts,
                        mayHaveBeenApplied));
            }
        }
        if (count > 0) {
            core.log.warn("cogsync: {} writes to dataset {} reached their deadline; last failure: {}", count,
                    dataset.datasetName(), lastError == null ? "none" : lastError.getClass().getSimpleName());
        }
    }

    private void armDeadline(long now) {
        long earliest = queue.earliestDeadline();
        for (PendingDelete delete : deletes) {
            earliest = Math.min(earliest, delete.deadlineNanos);
        }
        deadline.arm(earliest, now);
    }

    private void wakeAt(long at, long now) {
        wakeup.arm(at, now);
    }

    /** A timer that wakes the drain loop at the earliest time it was armed for; only its flag crosses threads. */
    private final class Alarm {
        private Disposable timer;
        private long at = Long.MAX_VALUE;
        private volatile boolean due;

        void arm(long when, long now) {
            if (when < at) {
                dispose(timer);
                at = when;
                timer = core.timer.schedule(() -> {
                    due = true;
                    drain();
                }, Math.max(0, when - now));
            }
        }

        /** Called at the top of each turn: a timer that fired is no longer armed. */
        void takeDue() {
            if (due) {
                due = false;
                at = Long.MAX_VALUE;
            }
        }

        void cancel() {
            dispose(timer);
        }
    }

    private void releasePermit() {
        if (permitHeld) {
            permitHeld = false;
            core.permits.release();
        }
    }

    // ---- Ending writes ----

    private void requeue(List<PendingWrite> writes) {
        List<PendingWrite> alive = new ArrayList<>(writes.size());
        for (PendingWrite write : writes) {
            if (write.callers.isEmpty()) {
                // Every caller left (cancelled or timed out) while it was taken: nobody waits for it.
                queue.finish(write);
            } else {
                alive.add(write);
            }
        }
        queue.requeue(alive);
    }

    private void succeed(PendingWrite write, Record record) {
        List<PendingWrite.Caller> callers = queue.finish(write);
        if (callers != null) {
            core.metrics.written.add(callers.size());
            for (int i = 0; i < callers.size(); i++) {
                callers.get(i).call().success(record);
            }
        }
    }

    /**
     * Fails a write's callers. When an earlier request of the write lost its response and it is not known
     * whether that request was applied, its failure is attached as a suppressed exception, so the caller can
     * tell that the write may have been applied after all.
     */
    private void fail(PendingWrite write, Throwable error) {
        for (PendingWrite.LostResponse lost : write.lostResponses) {
            if (!lost.settled && lost.cause != error && !Arrays.asList(error.getSuppressed()).contains(lost.cause)) {
                error.addSuppressed(lost.cause);
            }
        }
        List<PendingWrite.Caller> callers = queue.finish(write);
        if (callers != null) {
            core.metrics.failed.add(callers.size());
            for (int i = 0; i < callers.size(); i++) {
                callers.get(i).call().error(error);
            }
        }
    }

    private void giveUp(List<PendingWrite> writes, CognitoSyncException error, String what) {
        if (!writes.isEmpty()) {
            core.log.warn("cogsync: {} for dataset {}; failing {} writes: {}", what, dataset.datasetName(),
                    writes.size(), error.getClass().getSimpleName());
        }
        writes.forEach(write -> fail(write, error));
    }

    private void abortAll(Function<PendingWrite, Throwable> error) {
        dispose(subscription);
        wakeup.cancel();
        deadline.cancel();
        releasePermit();
        List<PendingWrite> victims = new ArrayList<>(taken);
        victims.addAll(queue.retire());
        taken = List.of();
        held = null;
        listing = null;
        state = State.RETIRED;
        for (PendingDelete delete : deletes) {
            deletes.remove(delete);
            if (!delete.cancelled) {
                delete.sink.error(new dev.cogsync.exception.WriterClosedException(
                        "the writer closed before the dataset was deleted", deleting && delete.mayHaveBeenApplied));
            }
        }
        if (sending) {
            sending = false;
            limiter.removeSender();
        }
        victims.forEach(write -> fail(write, error.apply(write)));
    }

    /** A bug in the loop fails the writes it held instead of leaving their callers hanging. */
    private void internalFailure(Throwable e) {
        org.slf4j.LoggerFactory.getLogger(DatasetWrites.class).error(
                "cogsync writer failed in the drain loop of a dataset; failing its writes in hand", e);
        dispose(subscription);
        CognitoSyncClientException error = new CognitoSyncClientException(
                "internal error of the writer: " + e.getClass().getName(), e, 0);
        List<PendingWrite> batch = taken;
        taken = List.of();
        held = null;
        listing = null;
        releasePermit();
        state = State.WAITING;
        batch.forEach(write -> fail(write, error));
    }

    // ---- Small pieces ----

    private static void dispose(Disposable disposable) {
        if (disposable != null) {
            disposable.dispose();
        }
    }

    private static PendingWrite find(List<PendingWrite> batch, String key) {
        for (PendingWrite write : batch) {
            if (write.key.equals(key)) {
                return write;
            }
        }
        return null;
    }

    /** The result of the attempt in flight, handed from its subscriber to the drain loop. */
    private record Outcome(Object value, Throwable error, CallExecutor.Attempts attempts) {
    }
}
