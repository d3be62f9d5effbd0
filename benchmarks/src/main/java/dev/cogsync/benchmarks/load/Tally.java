package dev.cogsync.benchmarks.load;

import dev.cogsync.exception.CognitoSyncServiceException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The driver's own counts: patches submitted, acknowledged and failed (by error), and the latency of every
 * acknowledged patch in microseconds. Recording is wait-free and safe from any thread, event loops included.
 */
final class Tally {

    /** Latencies above this are recorded as this: an hour is far beyond any client timeout. */
    static final long MAX_LATENCY_MICROS = TimeUnit.HOURS.toMicros(1);

    private final LongAdder submitted = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Recorder latency = new Recorder(MAX_LATENCY_MICROS, 3);

    /** Counts a patch about to be sent. */
    void submitted() {
        submitted.increment();
    }

    /**
     * Counts an acknowledged patch.
     *
     * @param latencyNanos from submission to acknowledgement
     */
    void acknowledged(long latencyNanos) {
        latency.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(0, latencyNanos / 1_000)));
        acknowledged.increment();
    }

    /**
     * Counts a failed patch under its error's name.
     *
     * @param error what the patch failed with
     */
    void failed(Throwable error) {
        failures.computeIfAbsent(errorName(error), name -> new LongAdder()).increment();
        failed.increment();
    }

    /**
     * The name a failure is counted under: the service's error code, or the client-side exception's simple name.
     *
     * @param error the failure
     * @return for example {@code InternalErrorException} or {@code TransportException}
     */
    static String errorName(Throwable error) {
        if (error instanceof CognitoSyncServiceException service) {
            return service.errorCode() != null ? service.errorCode() : "HTTP " + service.statusCode();
        }
        String name = error.getClass().getSimpleName();
        return name.isEmpty() ? error.getClass().getName() : name;
    }

    /** @return patches submitted so far */
    long submittedCount() {
        return submitted.sum();
    }

    /** @return patches acknowledged so far */
    long acknowledgedCount() {
        return acknowledged.sum();
    }

    /** @return patches failed so far */
    long failedCount() {
        return failed.sum();
    }

    /**
     * The failures by error name, most frequent first, then by name.
     *
     * @return a snapshot
     */
    Map<String, Long> failuresByError() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        failures.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue().sum()))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEachOrdered(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /**
     * The latencies recorded since the previous call, in microseconds. Call it once, when the run is over.
     *
     * @return a histogram the caller owns
     */
    Histogram takeLatencies() {
        return latency.getIntervalHistogram();
    }
}
