package dev.cogsync.benchmarks;

import dev.cogsync.benchmarks.drivers.Driver;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps {@code writers} writers busy for as long as it runs, each writing again as soon as its last write is
 * acknowledged: a closed loop, as in a server where each request waits for its write. The benchmark thread
 * only samples the count of acknowledgements now and then, so it takes almost no CPU from the writers, and a
 * late sample can never report acknowledgements faster than they came.
 *
 * <p>Each writer is one small subscriber that subscribes itself to the driver's next write when the last one
 * ends, so the harness adds no operator chain of its own to what is measured.
 */
final class ClosedLoop implements AutoCloseable {

    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final List<Writer> writers;
    private volatile boolean running = true;
    private volatile Throwable lastFailure;
    private long lastSeen;
    private long lastProgress = System.nanoTime();

    ClosedLoop(Driver driver, int writers) {
        this(driver, writers, 1);
    }

    /** A loop whose every acknowledged write carries {@code patchesPerWrite} patches. */
    ClosedLoop(Driver driver, int writers, int patchesPerWrite) {
        this.writers = new ArrayList<>(writers);
        for (int w = 0; w < writers; w++) {
            this.writers.add(new Writer(driver, w, patchesPerWrite));
        }
        this.writers.forEach(Writer::next);
    }

    /** One writer: subscribes to its next write when the last one ends. */
    private final class Writer implements CoreSubscriber<Object> {
        private final Driver driver;
        private final int writer;
        private final int patches;
        private volatile Subscription subscription;
        private int depth;

        Writer(Driver driver, int writer, int patches) {
            this.driver = driver;
            this.writer = writer;
            this.patches = patches;
        }

        void next() {
            if (!running) {
                return;
            }
            // A write that ends at once (a refusal) would otherwise recurse: hop to another thread now and then.
            if (++depth > 32) {
                depth = 0;
                Schedulers.parallel().schedule(this::next);
                return;
            }
            driver.write(writer).subscribe(this);
            depth--;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(Object value) {
            acknowledged.add(patches);
        }

        @Override
        public void onError(Throwable error) {
            failed.increment();
            lastFailure = error;
            next();
        }

        @Override
        public void onComplete() {
            next();
        }

        void cancel() {
            Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /** Acknowledged patches so far. */
    long acknowledged() {
        return acknowledged.sum();
    }

    /** Fails the benchmark when writes stopped being acknowledged, rather than reporting a stall as a rate. */
    void checkProgress() {
        long now = acknowledged.sum();
        if (now != lastSeen) {
            lastSeen = now;
            lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
            throw new IllegalStateException("no write acknowledged for 30 s; " + failed.sum()
                    + " failed, last failure: " + lastFailure, lastFailure);
        }
    }

    long failures() {
        return failed.sum();
    }

    @Override
    public void close() {
        running = false;
        writers.forEach(Writer::cancel);
    }
}
