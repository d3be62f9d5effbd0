package dev.cogsync.emulator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the emulator has counted since it started or its counters were last reset. Immutable snapshot.
 *
 * <p>Requests are counted once each, by operation and by the status answered; status {@link #NO_RESPONSE}
 * counts requests whose connection was closed without a response (injected faults). UpdateRecords calls and
 * the patches histogram count the calls that reached the operation: past authentication, throttling and
 * injected errors, and decoded, whatever the outcome (success, conflict, limit).
 *
 * @param requests requests by operation, then by HTTP status
 * @param updateRecordsCalls UpdateRecords calls that reached the operation
 * @param patchesTotal patches in those calls
 * @param patchesPerCall the calls by number of patches: element {@code i} counts calls with at most
 *     {@link #bucketUpperBound(int) bucketUpperBound(i)} patches and more than the previous bucket's bound
 * @param faults injected faults by kind
 * @param throttled requests answered 429 by the rate limit
 * @param appliedPatches patches that UpdateRecords applied: those of calls that succeeded (a call is applied whole
 *     or not at all), including calls whose response a fault then dropped
 */
public record EmulatorCounters(Map<ApiOperation, Map<Integer, Long>> requests, long updateRecordsCalls,
                               long patchesTotal, List<Long> patchesPerCall, Map<FaultKind, Long> faults,
                               long throttled, long appliedPatches) {

    /** The status under which requests closed without a response are counted. */
    public static final int NO_RESPONSE = 0;
    /** The number of histogram buckets: 0, 1, 2, 3-4, 5-8, ... up to 1,024, then more than 1,024. */
    public static final int BUCKETS = 13;

    /**
     * Copies the maps and the list.
     *
     * @param requests requests by operation, then by HTTP status
     * @param updateRecordsCalls UpdateRecords calls that reached the operation
     * @param patchesTotal patches in those calls
     * @param patchesPerCall the calls by number of patches: element {@code i} counts calls with at most {@link #bucketUpperBound(int) bucketUpperBound(i)} patches and more than the previous bucket's bound
     * @param faults injected faults by kind
     * @param throttled requests answered 429 by the rate limit
     * @param appliedPatches patches that UpdateRecords applied
     */
    public EmulatorCounters {
        Map<ApiOperation, Map<Integer, Long>> copy = new EnumMap<>(ApiOperation.class);
        Objects.requireNonNull(requests, "requests").forEach((op, byStatus) -> copy.put(op, Map.copyOf(byStatus)));
        requests = Map.copyOf(copy);
        patchesPerCall = List.copyOf(patchesPerCall);
        if (patchesPerCall.size() != BUCKETS) {
            throw new IllegalArgumentException("patchesPerCall: must have " + BUCKETS + " buckets, has "
                    + patchesPerCall.size());
        }
        faults = Map.copyOf(faults);
    }

    /**
     * The largest patch count bucket {@code i} holds.
     *
     * @param bucket the bucket index, 0 to {@code BUCKETS - 1}
     * @return 0, 1, 2, 4, ... 1,024, and {@link Integer#MAX_VALUE} for the last
     */
    public static int bucketUpperBound(int bucket) {
        Objects.checkIndex(bucket, BUCKETS);
        if (bucket == 0) {
            return 0;
        }
        return bucket == BUCKETS - 1 ? Integer.MAX_VALUE : 1 << (bucket - 1);
    }

    /**
     * The bucket a call with this many patches falls into.
     *
     * @param patches the patches in one call, {@code >= 0}
     * @return the bucket index
     */
    public static int bucketOf(int patches) {
        if (patches <= 0) {
            return 0;
        }
        int bucket = 33 - Integer.numberOfLeadingZeros(patches - 1);
        return Math.min(bucket, BUCKETS - 1);
    }

    /**
     * Requests of one operation answered with one status.
     *
     * @param operation the operation
     * @param status the HTTP status, or {@link #NO_RESPONSE}
     * @return the count
     */
    public long requests(ApiOperation operation, int status) {
        return requests.getOrDefault(operation, Map.of()).getOrDefault(status, 0L);
    }

    /**
     * Requests of one operation, whatever the answer.
     *
     * @param operation the operation
     * @return the count
     */
    public long requests(ApiOperation operation) {
        long total = 0;
        for (long count : requests.getOrDefault(operation, Map.of()).values()) {
            total += count;
        }
        return total;
    }

    /**
     * Every request counted.
     *
     * @return the count
     */
    public long totalRequests() {
        long total = 0;
        for (ApiOperation operation : ApiOperation.values()) {
            total += requests(operation);
        }
        return total;
    }

    /**
     * UpdateRecords calls that carried exactly this many patches' bucket, see {@link #bucketOf(int)}.
     *
     * @param patches a patch count
     * @return the calls in that count's bucket
     */
    public long callsInBucketOf(int patches) {
        return patchesPerCall.get(bucketOf(patches));
    }

    /**
     * Injected faults of one kind.
     *
     * @param kind the kind
     * @return the count
     */
    public long faults(FaultKind kind) {
        return faults.getOrDefault(kind, 0L);
    }
}
