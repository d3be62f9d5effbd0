package dev.cogsync.reactor.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Operator events through one SLF4J logger, at most {@value #LINES_PER_SECOND} lines a second: throttling, outages
 * or failing credentials across thousands of datasets, which a peer can cause, cannot flood the log. Lines over the
 * limit are counted and the count is logged with the next line that passes. Callers never pass a record value, a
 * key, a credential or a session token; dataset names and exception class names are logged.
 */
public final class OperatorLog {

    /** The most lines logged in one second. */
    public static final int LINES_PER_SECOND = 10;

    private final Logger log;
    private final String events;
    private final java.util.function.LongSupplier nanoTime;
    private final AtomicLong window = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger lines = new AtomicInteger();
    private final AtomicLong suppressed = new AtomicLong();

    /**
     * A log of one component's events.
     *
     * @param logger the SLF4J logger name, {@code dev.cogsync.writer} or {@code dev.cogsync.client}
     * @param events what the suppressed-lines note calls them, {@code writer} or {@code client}
     */
    public OperatorLog(String logger, String events) {
        this(logger, events, System::nanoTime);
    }

    /** A log whose one-second windows are read from the given clock, for tests. */
    OperatorLog(String logger, String events, java.util.function.LongSupplier nanoTime) {
        this.log = LoggerFactory.getLogger(logger);
        this.events = events;
        this.nanoTime = nanoTime;
    }

    /**
     * Logs at DEBUG, within the rate.
     *
     * @param format an SLF4J format
     * @param args its arguments
     */
    public void debug(String format, Object... args) {
        if (log.isDebugEnabled() && permit()) {
            log.debug(format + suppressedNote(), args);
        }
    }

    /**
     * Logs at INFO, within the rate.
     *
     * @param format an SLF4J format
     * @param args its arguments
     */
    public void info(String format, Object... args) {
        if (log.isInfoEnabled() && permit()) {
            log.info(format + suppressedNote(), args);
        }
    }

    /**
     * Logs at WARN, within the rate.
     *
     * @param format an SLF4J format
     * @param args its arguments
     */
    public void warn(String format, Object... args) {
        if (log.isWarnEnabled() && permit()) {
            log.warn(format + suppressedNote(), args);
        }
    }

    private boolean permit() {
        long second = TimeUnit.NANOSECONDS.toSeconds(nanoTime.getAsLong());
        long current = window.get();
        if (current != second && window.compareAndSet(current, second)) {
            lines.set(0);
        }
        if (lines.incrementAndGet() <= LINES_PER_SECOND) {
            return true;
        }
        suppressed.incrementAndGet();
        return false;
    }

    private String suppressedNote() {
        long n = suppressed.getAndSet(0);
        return n == 0 ? "" : " (" + n + " more " + events + " events were not logged)";
    }
}
