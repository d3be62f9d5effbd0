package dev.cogsync.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much work a run may still submit: a number of patches shared by every writer, or a deadline. Thread-safe;
 * claiming costs one atomic decrement or one {@code nanoTime} read.
 */
final class Budget {

    private final boolean timed;
    private final long patches;
    private final long durationNanos;
    private final AtomicLong remaining;
    private volatile long deadlineNanos;
    private volatile boolean stopped;

    private Budget(boolean timed, long patches, long durationNanos) {
        this.timed = timed;
        this.patches = patches;
        this.durationNanos = durationNanos;
        this.remaining = new AtomicLong(patches);
    }

    /**
     * A budget of patches.
     *
     * @param patches the patches all writers may submit together
     * @return the budget
     */
    static Budget ofPatches(long patches) {
        return new Budget(false, patches, 0);
    }

    /**
     * A budget of time, counted from {@link #start(long)}.
     *
     * @param duration how long writers may submit
     * @return the budget
     */
    static Budget ofDuration(Duration duration) {
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = Long.MAX_VALUE;
        }
        return new Budget(true, 0, nanos);
    }

    /**
     * The budget the options ask for.
     *
     * @param options the run's options
     * @return a budget of patches or of time
     */
    static Budget of(LoadOptions options) {
        return options.patches() != null ? ofPatches(options.patches()) : ofDuration(options.duration());
    }

    /**
     * Starts the clock of a time budget.
     *
     * @param nowNanos {@link System#nanoTime()} at the start
     */
    void start(long nowNanos) {
        long deadline = nowNanos + durationNanos;
        // Saturate rather than wrap for durations of centuries.
        deadlineNanos = deadline < nowNanos ? Long.MAX_VALUE : deadline;
    }

    /**
     * Takes one patch from the budget.
     *
     * @return {@code true} when the caller may submit one more patch
     */
    boolean tryClaim() {
        if (stopped) {
            return false;
        }
        return timed ? System.nanoTime() - deadlineNanos < 0 : remaining.getAndDecrement() > 0;
    }

    /** Ends the budget early: no more claims succeed. */
    void stop() {
        stopped = true;
    }

    /** @return whether no more claims can succeed */
    boolean exhausted() {
        return stopped || (timed ? System.nanoTime() - deadlineNanos >= 0 : remaining.get() <= 0);
    }

    /** @return whether this is a budget of time */
    boolean timed() {
        return timed;
    }

    /** @return the patches of a patch budget, 0 for a time budget */
    long patches() {
        return patches;
    }

    /** @return the length of a time budget in nanoseconds, 0 for a patch budget */
    long durationNanos() {
        return durationNanos;
    }
}
