package dev.cogsync.reactor;

import dev.cogsync.exception.InternalErrorException;
import dev.cogsync.exception.InvalidParameterException;
import dev.cogsync.exception.LimitExceededException;
import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.exception.SyncCountConflict;
import dev.cogsync.exception.TooManyRequestsException;
import dev.cogsync.exception.TransportException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import dev.cogsync.reactor.internal.CallExecutor;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Cognito Sync in memory, behind the writer's {@link SyncAttempts} seam, on virtual time: the semantics of
 * SEMANTICS.md (sync counts, conflicts naming the key, tokens, the record and byte limits, paging), a scripted
 * fault for each next attempt, an optional per-identity token bucket, and a log of every attempt with its virtual
 * time. No sockets, no real clock.
 */
final class FakeSyncService implements SyncAttempts {

    /** One attempt, as the fake saw it. */
    record Call(String operation, DatasetRef dataset, long atMillis, int patches) {
    }

    /** What to do with an attempt instead of (or besides) serving it. */
    enum Fault { THROTTLE, INTERNAL_ERROR, HANG, APPLY_THEN_DROP, RESET_BEFORE_SENDING }

    private final VirtualTimeScheduler time;
    private final Map<DatasetRef, Map<String, Record>> datasets = new HashMap<>();
    private final Map<DatasetRef, Long> counts = new HashMap<>();
    private final Deque<Fault> script = new ArrayDeque<>();
    final List<Call> calls = new ArrayList<>();
    final Map<String, List<Long>> appliedValues = new HashMap<>();
    int maxRecords = 1024;
    Duration latency = Duration.ZERO;
    Duration retryAfter;
    /** Called before each UpdateRecords is served: lets a test play another writer. */
    Function<DatasetRef, Void> beforeUpdate = dataset -> null;
    private double bucketRate;
    private double bucketBurst;
    private final Map<String, double[]> buckets = new HashMap<>();
    private int tokens;
    private double randomThrottle;
    private java.util.Random random;

    FakeSyncService(VirtualTimeScheduler time) {
        this.time = time;
    }

    FakeSyncService then(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            script.add(fault);
        }
        return this;
    }

    /** Throttles each identity to {@code rps} requests a second, bursts of {@code burst}, like the emulator. */
    FakeSyncService throttlePerIdentity(double rps, double burst) {
        this.bucketRate = rps;
        this.bucketBurst = burst;
        return this;
    }

    /** Throttles each request with probability {@code p}, whatever the load, from a seeded sequence. */
    FakeSyncService randomThrottle(double p, long seed) {
        this.randomThrottle = p;
        this.random = new java.util.Random(seed);
        return this;
    }

    /** Another writer writes a key: its count moves. */
    synchronized Record writeElsewhere(DatasetRef dataset, String key, String value) {
        long count = counts.merge(dataset, 1L, Long::sum);
        Record record = new Record(key, value, count, null, "elsewhere", null);
        datasets.computeIfAbsent(dataset, d -> new LinkedHashMap<>()).put(key, record);
        return record;
    }

    synchronized Record record(DatasetRef dataset, String key) {
        return datasets.getOrDefault(dataset, Map.of()).get(key);
    }

    synchronized long count(String operation) {
        return calls.stream().filter(call -> call.operation.equals(operation)).count();
    }

    synchronized List<Long> times(String operation) {
        return calls.stream().filter(call -> call.operation.equals(operation)).map(Call::atMillis).toList();
    }

    @Override
    public synchronized Mono<ListRecordsResponse> list(ListRecordsRequest request, CallExecutor.Attempts attempts) {
        calls.add(new Call("list", request.dataset(), now(), 0));
        Fault fault = nextFault(request.dataset());
        if (fault != null && fault != Fault.APPLY_THEN_DROP) {
            return faulted(fault, attempts);
        }
        List<Record> all = new ArrayList<>(datasets.getOrDefault(request.dataset(), Map.of()).values());
        long since = request.lastSyncCount() == null ? 0 : request.lastSyncCount();
        long datasetCount = counts.getOrDefault(request.dataset(), 0L);
        if (since > datasetCount) {
            return Mono.error(new InvalidParameterException(400, "No such SyncCount: " + since
                    + " exists for this Dataset", "req", attempts.count() + 1));
        }
        List<Record> changed = all.stream().filter(r -> r.syncCount() > since)
                .sorted(Comparator.comparingLong(Record::syncCount).thenComparing(Record::key)).toList();
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int max = request.maxResults() == null ? 100 : request.maxResults();
        int to = Math.min(changed.size(), from + max);
        String next = to < changed.size() ? Integer.toString(to) : null;
        ListRecordsResponse page = new ListRecordsResponse(changed.subList(from, to), next, to - from, datasetCount,
                null, List.of(), datasetCount > 0, false, "tok-" + (++tokens));
        return delayed(Mono.just(page));
    }

    @Override
    public synchronized Mono<UpdateRecordsResponse> update(UpdateRecordsRequest request, List<RecordPatch> patches,
                                                           CallExecutor.Attempts attempts) {
        DatasetRef dataset = request.dataset();
        calls.add(new Call("update", dataset, now(), patches.size()));
        Fault fault = nextFault(dataset);
        if (fault != null && fault != Fault.APPLY_THEN_DROP) {
            return faulted(fault, attempts);
        }
        if (request.syncSessionToken() == null || !request.syncSessionToken().startsWith("tok-")) {
            return Mono.error(new InvalidParameterException(400, "SyncSessionToken not valid for these inputs",
                    "req", 1));
        }
        beforeUpdate.apply(dataset);
        Map<String, Record> records = datasets.computeIfAbsent(dataset, d -> new LinkedHashMap<>());
        for (RecordPatch patch : patches) {
            Record current = records.get(patch.key());
            long currentCount = current == null ? 0 : current.syncCount();
            if (currentCount != patch.syncCount()) {
                return Mono.error(new ResourceConflictException(409,
                        new SyncCountConflict(patch.key(), currentCount, patch.syncCount()).toMessage(), "req", 1));
            }
        }
        long live = records.values().stream().filter(r -> r.value() != null).count();
        for (RecordPatch patch : patches) {
            Record current = records.get(patch.key());
            live += (patch.value() != null ? 1 : 0) - (current != null && current.value() != null ? 1 : 0);
        }
        if (live > maxRecords) {
            return Mono.error(new LimitExceededException(400, "Too many records: " + live, "req", 1));
        }
        long count = counts.merge(dataset, 1L, Long::sum);
        List<Record> written = new ArrayList<>();
        for (RecordPatch patch : patches) {
            Record record = new Record(patch.key(), patch.value(), count, null, "fake", null);
            records.put(patch.key(), record);
            written.add(record);
            appliedValues.computeIfAbsent(patch.value(), v -> new ArrayList<>()).add(count);
        }
        if (fault == Fault.APPLY_THEN_DROP) {
            return faulted(fault, attempts);
        }
        return delayed(Mono.just(new UpdateRecordsResponse(written)));
    }

    @Override
    public synchronized Mono<dev.cogsync.model.Dataset> delete(DatasetRef dataset, CallExecutor.Attempts attempts) {
        calls.add(new Call("delete", dataset, now(), 0));
        Fault fault = nextFault(dataset);
        if (fault != null) {
            return faulted(fault, attempts);
        }
        Map<String, Record> records = datasets.remove(dataset);
        counts.remove(dataset);
        if (records == null) {
            return Mono.error(new dev.cogsync.exception.ResourceNotFoundException(404, "Dataset not found", "req",
                    1));
        }
        long live = records.values().stream().filter(r -> r.value() != null).count();
        return delayed(Mono.just(new dev.cogsync.model.Dataset(dataset.identityId(), dataset.datasetName(), null, null,
                null, 0, live)));
    }

    private Fault nextFault(DatasetRef dataset) {
        if (bucketRate > 0) {
            double[] bucket = buckets.computeIfAbsent(dataset.identityId(), id -> new double[]{bucketBurst, now()});
            double nowMillis = now();
            bucket[0] = Math.min(bucketBurst, bucket[0] + (nowMillis - bucket[1]) / 1000.0 * bucketRate);
            bucket[1] = nowMillis;
            if (bucket[0] < 1) {
                return Fault.THROTTLE;
            }
            bucket[0] -= 1;
        }
        if (randomThrottle > 0 && random.nextDouble() < randomThrottle) {
            return Fault.THROTTLE;
        }
        return script.poll();
    }

    private <T> Mono<T> faulted(Fault fault, CallExecutor.Attempts attempts) {
        return switch (fault) {
            case THROTTLE -> {
                attempts.retryAfterHint(retryAfter);
                yield delayed(Mono.error(new TooManyRequestsException(429, "Rate exceeded", "req", 1)));
            }
            case INTERNAL_ERROR -> delayed(Mono.error(new InternalErrorException(500, "boom", "req", 1)));
            case HANG -> Mono.never();
            case APPLY_THEN_DROP -> delayed(Mono.error(new TransportException("connection reset",
                    new IOException("reset"), 1, true)));
            case RESET_BEFORE_SENDING -> delayed(Mono.error(new TransportException("connection refused",
                    new IOException("refused"), 1, false)));
        };
    }

    private <T> Mono<T> delayed(Mono<T> result) {
        return latency.isZero() ? result : Mono.delay(latency, time).then(result);
    }

    private long now() {
        return time.now(TimeUnit.MILLISECONDS);
    }
}
