package dev.cogsync.reactor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writer's operator events, through SLF4J logger {@code dev.cogsync.writer}, at most
 * {@value #LINES_PER_SECOND} lines a second: throttling or outages of thousands of datasets, which a peer can cause,
 * cannot flood the log. Lines over the limit are counted and the count is logged with the next line that passes.
 * Never a record value, a key, a credential or a session token; dataset names are logged.
 */
final class OperatorLog {

    static final int LINES_PER_SECOND = 10;
    private static final Logger log = LoggerFactory.getLogger("dev.cogsync.writer");

    private final AtomicLong window = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger lines = new AtomicInteger();
    private final AtomicLong suppressed = new AtomicLong();

    void info(String format, Object... args) {
        if (log.isInfoEnabled() && permit()) {
            log.info(format + suppressedNote(), args);
        }
    }

    void warn(String format, Object... args) {
        if (log.isWarnEnabled() && permit()) {
            log.warn(format + suppressedNote(), args);
        }
    }

    private boolean permit() {
        long second = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime());
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
        return n == 0 ? "" : " (" + n + " more writer events were not logged)";
    }
}
