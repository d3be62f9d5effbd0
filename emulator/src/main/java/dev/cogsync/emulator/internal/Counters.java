package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.emulator.EmulatorCounters;
import dev.cogsync.emulator.FaultKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters: {@link LongAdder}s, so counting costs no contention on the request path. Statuses have
 * fixed slots (the ones the emulator answers with), so counting allocates nothing.
 */
final class Counters {

    private static final int[] STATUSES = {EmulatorCounters.NO_RESPONSE, 200, 400, 403, 404, 409, 413, 429, 500, 503};
    private static final int OTHER = STATUSES.length;

    private final LongAdder[][] requests = new LongAdder[ApiOperation.values().length][STATUSES.length + 1];
    private final LongAdder updateRecordsCalls = new LongAdder();
    private final LongAdder patches = new LongAdder();
    private final LongAdder applied = new LongAdder();
    private final LongAdder[] histogram = new LongAdder[EmulatorCounters.BUCKETS];
    private final LongAdder[] faults = new LongAdder[FaultKind.values().length];
    private final LongAdder throttled = new LongAdder();

    Counters() {
        for (LongAdder[] byStatus : requests) {
            for (int i = 0; i < byStatus.length; i++) {
                byStatus[i] = new LongAdder();
            }
        }
        for (int i = 0; i < histogram.length; i++) {
            histogram[i] = new LongAdder();
        }
        for (int i = 0; i < faults.length; i++) {
            faults[i] = new LongAdder();
        }
    }

    void request(ApiOperation operation, int status) {
        requests[operation.ordinal()][slot(status)].increment();
    }

    void updateRecordsCall(int patchCount) {
        updateRecordsCalls.increment();
        patches.add(patchCount);
        histogram[EmulatorCounters.bucketOf(patchCount)].increment();
    }

    void applied(int patchCount) {
        applied.add(patchCount);
    }

    void fault(FaultKind kind) {
        faults[kind.ordinal()].increment();
    }

    void throttled() {
        throttled.increment();
    }

    EmulatorCounters snapshot() {
        Map<ApiOperation, Map<Integer, Long>> byOperation = new EnumMap<>(ApiOperation.class);
        for (ApiOperation operation : ApiOperation.values()) {
            Map<Integer, Long> byStatus = new HashMap<>();
            LongAdder[] adders = requests[operation.ordinal()];
            for (int i = 0; i < adders.length; i++) {
                long count = adders[i].sum();
                if (count > 0) {
                    byStatus.put(i == OTHER ? -1 : STATUSES[i], count);
                }
            }
            byOperation.put(operation, byStatus);
        }
        List<Long> buckets = new ArrayList<>(histogram.length);
        for (LongAdder bucket : histogram) {
            buckets.add(bucket.sum());
        }
        Map<FaultKind, Long> byKind = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            byKind.put(kind, faults[kind.ordinal()].sum());
        }
        return new EmulatorCounters(byOperation, updateRecordsCalls.sum(), patches.sum(), buckets, byKind,
                throttled.sum(), applied.sum());
    }

    void reset() {
        for (LongAdder[] byStatus : requests) {
            for (LongAdder adder : byStatus) {
                adder.reset();
            }
        }
        updateRecordsCalls.reset();
        patches.reset();
        applied.reset();
        for (LongAdder bucket : histogram) {
            bucket.reset();
        }
        for (LongAdder fault : faults) {
            fault.reset();
        }
        throttled.reset();
    }

    private static int slot(int status) {
        for (int i = 0; i < STATUSES.length; i++) {
            if (STATUSES[i] == status) {
                return i;
            }
        }
        return OTHER;
    }
}
