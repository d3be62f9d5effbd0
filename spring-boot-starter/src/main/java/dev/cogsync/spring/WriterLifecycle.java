package dev.cogsync.spring;

import dev.cogsync.reactor.CoalescingWriter;
import org.springframework.context.SmartLifecycle;

import java.util.Objects;

/**
 * Flushes the writer when the application context stops: after the web server's graceful shutdown (phase
 * {@code DEFAULT_PHASE - 1024}) and its stop ({@code DEFAULT_PHASE - 2048}), so the writes of the last requests
 * are sent, within {@code cogsync.writer.close-timeout}.
 */
public final class WriterLifecycle implements SmartLifecycle {

    /** Stops after the web server. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final CoalescingWriter writer;
    private volatile boolean running;

    /**
     * A lifecycle for one writer.
     *
     * @param writer the writer to flush on stop
     */
    public WriterLifecycle(CoalescingWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        // Only on the thread stopping the context, never an event loop; close always ends by its close timeout.
        writer.close().block();
    }

    @Override
    public void stop(Runnable callback) {
        running = false;
        writer.close().subscribe(null, error -> callback.run(), callback);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
