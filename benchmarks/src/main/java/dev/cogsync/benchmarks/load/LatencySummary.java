package dev.cogsync.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of acknowledged patches, from submission to acknowledgement, in milliseconds (recorded at
 * microsecond resolution, 3 significant digits). Always {@code p50 <= p95 <= p99 <= max}.
 *
 * @param p50Millis the median
 * @param p95Millis the 95th percentile
 * @param p99Millis the 99th percentile
 * @param maxMillis the largest
 */
record LatencySummary(double p50Millis, double p95Millis, double p99Millis, double maxMillis) {

    /** Checks the order. */
    LatencySummary {
        if (!(0 <= p50Millis && p50Millis <= p95Millis && p95Millis <= p99Millis && p99Millis <= maxMillis)) {
            throw new IllegalArgumentException("percentiles: must be ordered, were " + p50Millis + ", "
                    + p95Millis + ", " + p99Millis + ", " + maxMillis);
        }
    }

    /**
     * Reads the percentiles of a histogram of microseconds.
     *
     * @param micros the latencies
     * @return the summary, or {@code null} when the histogram is empty
     */
    static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return null;
        }
        return new LatencySummary(millis(micros.getValueAtPercentile(50)), millis(micros.getValueAtPercentile(95)),
                millis(micros.getValueAtPercentile(99)), millis(micros.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1_000.0;
    }
}
