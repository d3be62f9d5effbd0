package dev.cogsync.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link LoadSummary} as the aligned plain-text table the command prints on standard output. */
final class SummaryTable {

    private static final String INDENT = "  ";

    private SummaryTable() {
    }

    /** One line of the table: a label, a value aligned on the right, and an optional unit. */
    private record Row(String label, String value, String unit) {
    }

    /**
     * Renders the summary.
     *
     * @param summary the run's summary
     * @return the header line, a blank line and the rows, each line ending with a newline
     */
    static String render(LoadSummary summary) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("patches submitted", count(summary.patchesSubmitted()), ""));
        rows.add(new Row("patches acknowledged", count(summary.patchesAcknowledged()), ""));
        rows.add(new Row("patches failed", count(summary.patchesFailed()), ""));
        for (Map.Entry<String, Long> failure : summary.failuresByError().entrySet()) {
            rows.add(new Row(INDENT + failure.getKey(), count(failure.getValue()), ""));
        }
        rows.add(new Row("UpdateRecords calls", count(summary.updateRecordsCalls()), ""));
        rows.add(new Row("ListRecords calls", count(summary.listRecordsCalls()), ""));
        Double perCall = summary.patchesPerCall();
        rows.add(new Row("patches per call", perCall == null ? "-" : decimal(perCall), ""));
        rows.add(new Row("retries", count(summary.retries()), ""));
        rows.add(new Row("throttled responses", count(summary.throttled()), ""));
        rows.add(new Row("duration", decimal(summary.durationSeconds()), "s"));
        rows.add(new Row("patches/s", String.format(Locale.ROOT, "%,.1f", summary.patchesPerSecond()), ""));
        LatencySummary latency = summary.latency();
        rows.add(latencyRow("latency p50", latency == null ? null : latency.p50Millis()));
        rows.add(latencyRow("latency p95", latency == null ? null : latency.p95Millis()));
        rows.add(latencyRow("latency p99", latency == null ? null : latency.p99Millis()));
        rows.add(latencyRow("latency max", latency == null ? null : latency.maxMillis()));

        int labelWidth = rows.stream().mapToInt(row -> row.label().length()).max().orElse(0);
        int valueWidth = rows.stream().mapToInt(row -> row.value().length()).max().orElse(0);
        StringBuilder text = new StringBuilder(header(summary)).append("\n\n");
        for (Row row : rows) {
            text.append(INDENT).append(row.label()).append(" ".repeat(labelWidth - row.label().length() + 2))
                    .append(" ".repeat(valueWidth - row.value().length())).append(row.value());
            if (!row.unit().isEmpty()) {
                text.append(' ').append(row.unit());
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * The description of a run: mode, writers, data and length, then the target on a second line.
     *
     * @param summary the run's summary
     * @return for example {@code cogsync load: coalesced, 256 writers, 4 datasets x 64 keys, 64-byte values, 10s
     *     after a 5s warm-up}, a newline, and {@code target: the embedded emulator at http://127.0.0.1:40123}
     */
    static String header(LoadSummary summary) {
        return "cogsync load: " + describe(summary.options()) + (summary.interrupted() ? " (interrupted)" : "")
                + "\ntarget: " + summary.target();
    }

    /**
     * The options that shape the load, for people.
     *
     * @param options the run's options
     * @return for example {@code coalesced, 256 writers, 4 datasets x 64 keys, 64-byte values, 10s after a 5s
     *     warm-up}
     */
    static String describe(LoadOptions options) {
        StringBuilder text = new StringBuilder()
                .append(options.mode().optionValue()).append(", ")
                .append(count(options.writers())).append(options.writers() == 1 ? " writer, " : " writers, ")
                .append(count(options.datasets())).append(options.datasets() == 1 ? " dataset x " : " datasets x ")
                .append(count(options.keys())).append(options.keys() == 1 ? " key, " : " keys, ")
                .append(count(options.valueBytes())).append("-byte values, ")
                .append(options.patches() != null ? count(options.patches()) + " patches" : duration(options
                        .duration()))
                .append(options.warmup().isZero() ? "" : " after a " + duration(options.warmup()) + " warm-up");
        if (options.throttleRps() > 0) {
            text.append(", throttled at ").append(number(options.throttleRps())).append(" requests/s per identity");
        }
        if (options.faultRate() > 0) {
            text.append(", fault rate ").append(number(options.faultRate())).append(" (seed ").append(options.seed())
                    .append(')');
        }
        return text.toString();
    }

    /**
     * A duration the way the command line takes it.
     *
     * @param duration a positive duration
     * @return {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or ISO-8601 when no unit fits exactly
     */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (!Duration.ofMillis(millis).equals(duration)) {
            return duration.toString();
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    private static Row latencyRow(String label, Double millis) {
        return new Row(label, millis == null ? "-" : decimal(millis), "ms");
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
