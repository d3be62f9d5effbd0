package dev.cogsync.benchmarks.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;

/**
 * Shows how a run is going on standard error: a bar redrawn in place on a terminal, plain lines every two seconds
 * otherwise (logs, CI). Driven from the main thread, so printing never blocks an event loop.
 */
final class Progress {

    /** How often the bar is redrawn. */
    static final Duration TERMINAL_PERIOD = Duration.ofMillis(250);
    /** How often a plain line is printed. */
    static final Duration PLAIN_PERIOD = Duration.ofSeconds(2);

    private static final int BAR_WIDTH = 24;
    private static final long RATE_WINDOW_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private final Budget budget;
    private final String phase;
    /** Recent (elapsed nanos, patches done) samples, oldest first: the rate is taken over the last second. */
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private int lastWidth;

    /**
     * Creates the display.
     *
     * @param err where to print
     * @param terminal whether {@code err} is a terminal that understands a carriage return
     * @param budget the phase's budget, for the bar's fill
     * @param phase what the lines are about, {@code warm-up} or {@code load}
     */
    Progress(PrintStream err, boolean terminal, Budget budget, String phase) {
        this.err = err;
        this.terminal = terminal;
        this.budget = budget;
        this.phase = phase;
        samples.addLast(new long[]{0, 0});
    }

    /** @return how often {@link #update} should be called */
    Duration period() {
        return terminal ? TERMINAL_PERIOD : PLAIN_PERIOD;
    }

    /**
     * Shows the current state.
     *
     * @param elapsedNanos time since the run started
     * @param submitted patches submitted so far
     * @param done patches that have ended, acknowledged or failed
     * @param failed patches that failed
     */
    void update(long elapsedNanos, long submitted, long done, long failed) {
        double rate = rate(elapsedNanos, done);
        String status = status(elapsedNanos, done, failed, rate, budget.exhausted() ? submitted - done : -1);
        if (terminal) {
            String line = "\r" + label() + bar(fraction(elapsedNanos, done)) + "  " + status;
            int width = line.length();
            err.print(line + " ".repeat(Math.max(0, lastWidth - width)));
            lastWidth = width;
        } else {
            err.println(phase + ": " + status);
        }
        err.flush();
    }

    /**
     * Shows the final state, and ends the bar's line.
     *
     * @param elapsed the run's duration
     * @param done patches that ended
     * @param failed patches that failed
     */
    void finish(Duration elapsed, long done, long failed) {
        long nanos = elapsed.toNanos();
        double average = nanos > 0 ? done * 1e9 / nanos : 0;
        String status = status(nanos, done, failed, average, -1);
        if (terminal) {
            String line = "\r" + label() + bar(1) + "  " + status;
            err.println(line + " ".repeat(Math.max(0, lastWidth - line.length())));
        } else {
            err.println(phase + ": " + status);
        }
        err.flush();
    }

    /** Patches per second over the last second or so: since the newest sample at least a second old. */
    private double rate(long elapsedNanos, long done) {
        samples.addLast(new long[]{elapsedNanos, done});
        while (samples.size() > 2) {
            Iterator<long[]> oldestFirst = samples.iterator();
            oldestFirst.next();
            if (elapsedNanos - oldestFirst.next()[0] < RATE_WINDOW_NANOS) {
                break;
            }
            samples.removeFirst();
        }
        long[] oldest = samples.getFirst();
        long window = elapsedNanos - oldest[0];
        return window > 0 ? (done - oldest[1]) * 1e9 / window : 0;
    }

    /** The phase, padded so that the bars of both phases line up. */
    private String label() {
        return String.format(Locale.ROOT, "%-8s", phase);
    }

    private double fraction(long elapsedNanos, long done) {
        double fraction = budget.timed() ? (double) elapsedNanos / Math.max(1, budget.durationNanos())
                : (double) done / budget.patches();
        return Math.max(0, Math.min(1, fraction));
    }

    /**
     * A progress bar.
     *
     * @param fraction how full, from 0 to 1
     * @return for example {@code [=========>              ]  40%}
     */
    static String bar(double fraction) {
        boolean full = fraction >= 1;
        int filled = (int) Math.floor(Math.min(1, fraction) * BAR_WIDTH);
        StringBuilder bar = new StringBuilder(BAR_WIDTH + 8).append('[');
        for (int i = 0; i < BAR_WIDTH; i++) {
            bar.append(full || i < filled - 1 ? '=' : i == filled - 1 ? '>' : ' ');
        }
        return bar.append("] ").append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100)))
                .toString();
    }

    /**
     * The numbers of a progress line.
     *
     * @param elapsedNanos time since the start
     * @param done patches that have ended
     * @param failed patches that failed
     * @param rate patches ended per second, recently
     * @param draining patches still in flight once no more are submitted, or -1 while submitting
     * @return for example {@code 4.0s  48,120 patches done  12,030 patches/s  0 errors}
     */
    static String status(long elapsedNanos, long done, long failed, double rate, long draining) {
        String text = String.format(Locale.ROOT, "%.1fs  %,d patches done  %,.0f patches/s  %,d %s",
                elapsedNanos / 1e9, done, rate, failed, failed == 1 ? "error" : "errors");
        return draining >= 0 ? text + String.format(Locale.ROOT, "  (draining %,d in flight)", draining) : text;
    }
}
