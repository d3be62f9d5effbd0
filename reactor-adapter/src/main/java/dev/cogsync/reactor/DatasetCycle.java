package dev.cogsync.reactor;

import dev.cogsync.batch.ConflictAnalysis;
import dev.cogsync.batch.Resolution;
import dev.cogsync.batch.ResponseMapping;
import dev.cogsync.exception.AttemptTimeoutException;
import dev.cogsync.exception.CognitoSyncClientException;
import dev.cogsync.exception.CognitoSyncException;
import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.exception.InvalidLambdaFunctionOutputException;
import dev.cogsync.exception.InvalidParameterException;
import dev.cogsync.exception.LimitExceededException;
import dev.cogsync.exception.MalformedResponseException;
import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.exception.SyncCountConflict;
import dev.cogsync.exception.TransportException;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import dev.cogsync.protocol.UpdateRecordsCodec;
import dev.cogsync.reactor.internal.CallExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A dataset's request cycle: takes the next batch, makes sure a session token (and, for managed writes, the
 * sync counts) are known, sends one UpdateRecords, and maps the outcome back to each write. At most one cycle
 * of a dataset runs at a time, so its fields need no locking.
 *
 * <p>Failures are handled per kind so that no innocent write fails: a stale write is condemned alone and the
 * rest are sent again; a request the service rejects as a whole is split until the culprit is alone; throttling
 * and transient failures put the writes back at the head of the queue, where later writes join them; a request
 * whose response was lost is checked against the server's records before anything is reported.
 */
final class DatasetCycle {

    private static final Logger log = LoggerFactory.getLogger(DatasetCycle.class);

    private final DatasetWriter writer;
    private final WriterCore core;
    private final DatasetSyncState sync;

    private int suspects;
    private int isolationCap = Integer.MAX_VALUE;
    private boolean tokenRetryPending;
    private int pendingRefund;

    // Read by abort(), from another thread.
    private volatile List<PendingWrite> inFlight = List.of();
    private volatile Disposable subscription;
    private volatile Disposable backoff;
    private volatile boolean aborted;

    DatasetCycle(DatasetWriter writer, WriterCore core) {
        this.writer = writer;
        this.core = core;
        this.sync = new DatasetSyncState(writer.dataset, core);
    }

    void run() {
        List<PendingWrite> batch = writer.takeBatch(isolationCap);
        if (batch.isEmpty() || aborted) {
            core.dispatcher.release();
            return;
        }
        inFlight = batch;
        boolean managed = false;
        int attemptsMade = 0;
        for (PendingWrite write : batch) {
            managed |= write.managed;
            attemptsMade = Math.max(attemptsMade, write.attempts);
        }
        CallExecutor.Attempts attempts = new CallExecutor.Attempts(attemptsMade);
        boolean[] sent = new boolean[1];
        subscription = sync.prepare(managed)
                .then(Mono.defer(() -> {
                    sent[0] = true;
                    return update(batch, attempts);
                }))
                .subscribe(response -> guarded(batch, () -> onWritten(batch, response)),
                        error -> guarded(batch, () -> onFailed(batch, error, sent[0], attempts)));
    }

    private Mono<UpdateRecordsResponse> update(List<PendingWrite> batch, CallExecutor.Attempts attempts) {
        List<RecordPatch> patches = new ArrayList<>(batch.size());
        for (PendingWrite write : batch) {
            write.sent = write.patch(sync.knownSyncCount(write.key));
            write.attempts++;
            patches.add(write.sent);
        }
        UpdateRecordsRequest request = new UpdateRecordsRequest(writer.dataset, patches, sync.token(),
                core.options.deviceId(), null);
        core.metrics.updateRecordsCalls.increment();
        core.metrics.patchesSent.add(patches.size());
        return core.executor.attemptOnce(UpdateRecordsCodec.encodeRequest(request),
                body -> UpdateRecordsCodec.decodeResponse(body, 0, body.length, patches), attempts);
    }

    private void onWritten(List<PendingWrite> batch, UpdateRecordsResponse response) {
        inFlight = List.of();
        sync.tokenUsed();
        tokenRetryPending = false;
        core.executor.retryQuota().releaseAfterSuccess(pendingRefund);
        pendingRefund = 0;
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
                writer.succeed(write, records[i]);
            } else {
                writer.fail(write, new MalformedResponseException(
                        "the UpdateRecords response has no record for a key the request wrote", write.attempts));
            }
        }
        settleSuspects(batch.size());
        writer.continueOrIdle();
    }

    private void onFailed(List<PendingWrite> batch, Throwable failure, boolean updateSent,
                          CallExecutor.Attempts attempts) {
        inFlight = List.of();
        CognitoSyncException error = failure instanceof CognitoSyncException typed ? typed
                : new CognitoSyncClientException("unexpected failure: " + failure.getClass().getName(), failure,
                attempts.count());
        if (error.isThrottling()) {
            core.metrics.throttles.increment();
        }
        if (updateSent && isRejectedToken(error)) {
            rejectedToken(batch, error);
        } else if (updateSent && error instanceof CognitoSyncServiceException service && service.isConflict()) {
            conflict(batch, service, attempts);
        } else if (error.isRetryable()) {
            retry(batch, error, updateSent && mayHaveBeenApplied(error), attempts);
        } else if (updateSent && isRequestLevelRejection(error) && batch.size() > 1) {
            // One write may be to blame for the whole request: send halves until it is alone.
            if (suspects == 0) {
                suspects = batch.size();
            }
            isolationCap = Math.max(1, batch.size() / 2);
            writer.requeue(batch);
            writer.continueOrIdle();
        } else {
            batch.forEach(write -> writer.fail(write, error));
            settleSuspects(batch.size());
            writer.continueOrIdle();
        }
    }

    private void rejectedToken(List<PendingWrite> batch, CognitoSyncException error) {
        sync.tokenRejected();
        if (tokenRetryPending) {
            tokenRetryPending = false;
            batch.forEach(write -> writer.fail(write, error));
        } else {
            tokenRetryPending = true;
            writer.requeue(batch);
        }
        writer.continueOrIdle();
    }

    private void conflict(List<PendingWrite> batch, CognitoSyncServiceException error,
                          CallExecutor.Attempts attempts) {
        core.metrics.conflicts.increment();
        Optional<SyncCountConflict> named = error.conflict();
        boolean simple = named.isPresent()
                && batch.stream().noneMatch(write -> write.managed || write.hasUnsettledLostResponse());
        PendingWrite culprit = simple ? find(batch, named.get().key()) : null;
        if (culprit != null) {
            // The service named the stale write and the current count: condemn it alone, resend the rest.
            sync.learnCount(culprit.key, named.get().currentSyncCount());
            writer.fail(culprit, new ResourceConflictException(error.statusCode(), named.get().toMessage(),
                    error.requestId(), culprit.attempts));
            List<PendingWrite> innocent = new ArrayList<>(batch);
            innocent.remove(culprit);
            writer.requeue(innocent);
            writer.continueOrIdle();
            return;
        }
        inFlight = batch;
        subscription = sync.listAll().subscribe(current -> guarded(batch, () -> resolve(batch, error, current)),
                listFailure -> guarded(batch, () -> onFailed(batch, listFailure, false, attempts)));
    }

    private void resolve(List<PendingWrite> batch, CognitoSyncServiceException error, Map<String, Record> current) {
        inFlight = List.of();
        for (PendingWrite write : batch) {
            for (PendingWrite.LostResponse lost : write.lostResponses) {
                if (!lost.settled) {
                    lost.applied = ConflictAnalysis.wasApplied(lost.sent, current);
                    lost.settled = true;
                }
            }
        }
        List<PendingWrite> survivors = new ArrayList<>(batch.size());
        boolean progress = false;
        for (PendingWrite write : batch) {
            Record remote = current.get(write.key);
            if (write.lostResponseApplied()) {
                progress = true;
                if (remote != null && sameContent(write, remote)) {
                    core.metrics.lostResponsesRecovered.increment();
                    writer.succeed(write, remote);
                } else {
                    // Our own earlier request moved the count, and a later caller's value replaced the one it
                    // wrote: that is no conflict with another writer, so send again at the new count.
                    survivors.add(write);
                }
            } else if (!ConflictAnalysis.isStale(write.sent, current)) {
                survivors.add(write);
            } else {
                progress = true;
                if (!write.managed || write.conflictResolutions++ >= core.options.maxConflictRetries()) {
                    writer.fail(write, conflictError(write, error, current));
                } else if (resolveManaged(write, remote, error, current)) {
                    survivors.add(write);
                }
            }
        }
        if (!progress) {
            // Every write is current now, yet the request was refused: someone raced us. Bound the loop.
            survivors.removeIf(write -> {
                if (write.conflictResolutions++ < core.options.maxConflictRetries()) {
                    return false;
                }
                writer.fail(write, conflictError(write, error, current));
                return true;
            });
        }
        writer.requeue(survivors);
        writer.continueOrIdle();
    }

    /** Applies the resolver to a stale managed write; returns whether the write is to be sent again. */
    private boolean resolveManaged(PendingWrite write, Record remote, CognitoSyncServiceException error,
                                   Map<String, Record> current) {
        Resolution resolution;
        try {
            resolution = core.options.conflictResolver().resolve(write.key, write.wantedValue(), remote);
        } catch (RuntimeException e) {
            writer.fail(write, new CognitoSyncClientException("the conflict resolver failed: "
                    + e.getClass().getName(), e, write.attempts));
            return false;
        }
        if (resolution instanceof Resolution.UseLocal) {
            return true;
        }
        if (resolution instanceof Resolution.Write merged) {
            writer.rewrite(write, merged.value());
            return true;
        }
        if (resolution instanceof Resolution.KeepRemote && remote != null) {
            writer.succeed(write, remote);
        } else {
            writer.fail(write, conflictError(write, error, current));
        }
        return false;
    }

    private void retry(List<PendingWrite> batch, CognitoSyncException error, boolean lost,
                       CallExecutor.Attempts attempts) {
        List<PendingWrite> retried = new ArrayList<>(batch.size());
        int failures = 0;
        for (PendingWrite write : batch) {
            if (core.retryPolicy.shouldRetry(error, ++write.failedAttempts)) {
                retried.add(write);
                failures = Math.max(failures, write.failedAttempts);
            } else {
                writer.fail(write, error);
            }
        }
        int tokens = retried.isEmpty() ? 0 : core.executor.retryQuota().tryAcquire(
                error instanceof TransportException || error instanceof AttemptTimeoutException);
        if (tokens == 0) {
            if (!retried.isEmpty()) {
                error.addSuppressed(new CognitoSyncClientException("retry quota exhausted, not retried"));
            }
            retried.forEach(write -> writer.fail(write, error));
            writer.continueOrIdle();
            return;
        }
        pendingRefund = tokens;
        core.metrics.retries.increment();
        if (lost) {
            List<RecordPatch> sent = new ArrayList<>(batch.size());
            batch.forEach(write -> sent.add(write.sent));
            PendingWrite.LostResponse lostResponse = new PendingWrite.LostResponse(sent, error);
            batch.forEach(write -> write.lost(lostResponse));
        }
        writer.requeue(retried);
        Duration delay = core.retryPolicy.retryDelay(failures, error, attempts.retryAfterHint(),
                core.executor.jitter());
        // The dataset stays busy while it backs off, so nothing else starts for it, but other datasets may use
        // the permit in the meantime.
        core.dispatcher.release();
        backoff = Mono.delay(delay).subscribe(tick -> core.dispatcher.schedule(writer));
    }

    private void settleSuspects(int finished) {
        if (suspects > 0) {
            suspects = Math.max(0, suspects - finished);
            if (suspects == 0) {
                isolationCap = Integer.MAX_VALUE;
            }
        }
    }

    /** Fails what is in flight and stops; the writer is closing. */
    void abort(Function<PendingWrite, Throwable> error) {
        aborted = true;
        dispose(subscription);
        dispose(backoff);
        inFlight.forEach(write -> writer.fail(write, error.apply(write)));
    }

    private static void dispose(Disposable disposable) {
        if (disposable != null) {
            disposable.dispose();
        }
    }

    /** Runs an outcome handler so that a bug in it fails the batch instead of leaving callers hanging. */
    private void guarded(List<PendingWrite> batch, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException | Error e) {
            log.error("cogsync writer failed handling a response for a dataset; failing its batch", e);
            CognitoSyncClientException error = new CognitoSyncClientException(
                    "internal error of the writer: " + e.getClass().getName(), e, 0);
            batch.forEach(write -> writer.fail(write, error));
            inFlight = List.of();
            writer.continueOrIdle();
        }
    }

    private static ResourceConflictException conflictError(PendingWrite write, CognitoSyncServiceException error,
                                                           Map<String, Record> current) {
        long currentCount = ConflictAnalysis.currentSyncCount(current, write.key);
        return new ResourceConflictException(409, new SyncCountConflict(write.key, currentCount,
                write.sent.syncCount()).toMessage(), error.requestId(), write.attempts, current.get(write.key));
    }

    private static boolean sameContent(PendingWrite write, Record remote) {
        return java.util.Objects.equals(write.wantedValue(), remote.value());
    }

    private static PendingWrite find(List<PendingWrite> batch, String key) {
        for (PendingWrite write : batch) {
            if (write.key.equals(key)) {
                return write;
            }
        }
        return null;
    }

    private static boolean isRejectedToken(CognitoSyncException error) {
        return error instanceof CognitoSyncServiceException service && service.statusCode() == 400
                && service.errorMessage() != null && service.errorMessage().contains("SyncSessionToken");
    }

    private static boolean isRequestLevelRejection(CognitoSyncException error) {
        return error instanceof LimitExceededException || error instanceof InvalidLambdaFunctionOutputException
                || error instanceof InvalidParameterException;
    }

    /** Whether the service may have applied a request that failed this way. Throttled requests were not. */
    private static boolean mayHaveBeenApplied(CognitoSyncException error) {
        if (error instanceof TransportException transport) {
            return transport.requestMayHaveBeenSent();
        }
        return error instanceof AttemptTimeoutException
                || error instanceof CognitoSyncServiceException service && service.isTransient();
    }
}
