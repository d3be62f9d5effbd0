package dev.cogsync.emulator.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One INFO line per refused connection or request at most, and at most {@value #LINES_PER_SECOND} a second: an
 * unauthenticated peer must not be able to fill the log. Lines over the limit are counted, and the count goes out
 * with the next line that passes. A line names the peer, the status and the error code; never a header or a body.
 */
final class RefusalLog {

    static final int LINES_PER_SECOND = 10;
    private static final Logger LOG = LoggerFactory.getLogger("dev.cogsync.emulator.refused");

    private final Consumer<String> out;
    private final AtomicLong window = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger lines = new AtomicInteger();
    private final AtomicLong suppressed = new AtomicLong();

    RefusalLog() {
        this(line -> LOG.info(line));
    }

    /** A log writing its lines elsewhere, for tests. */
    RefusalLog(Consumer<String> out) {
        this.out = out;
    }

    void refused(SocketAddress peer, int status, String code) {
        long second = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime());
        long current = window.get();
        if (current != second && window.compareAndSet(current, second)) {
            lines.set(0);
        }
        if (lines.incrementAndGet() > LINES_PER_SECOND) {
            suppressed.incrementAndGet();
            return;
        }
        long skipped = suppressed.getAndSet(0);
        out.accept("refused " + status + " " + code + " from " + peer
                + (skipped == 0 ? "" : " (" + skipped + " more refusals not logged)"));
    }
}
