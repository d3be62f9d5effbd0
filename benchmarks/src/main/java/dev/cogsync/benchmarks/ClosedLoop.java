package dev.cogsync.benchmarks;

import dev.cogsync.benchmarks.drivers.Driver;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps {@code writers} writers busy for as long as it runs, each writing again as soon as its last write is
 * acknowledged: a closed loop, as in a server where each request waits for its write. The benchmark thread
 * only samples the count of acknowledgements now and then, so it takes almost no CPU from the writers, and a
 * late sample can never report acknowledgements faster than they came.
 */
final class ClosedLoop implements AutoCloseable {

    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Disposable loop;
    private volatile boolean running = true;
    private volatile Throwable lastFailure;
    private long lastSeen;
    private long lastProgress = System.nanoTime();

    ClosedLoop(Driver driver, int writers) {
        this(driver, writers, 1);
    }

    /** A loop whose every acknowledged write carries {@code patchesPerWrite} patches. */
    ClosedLoop(Driver driver, int writers, int patchesPerWrite) {
        this.loop = Flux.range(0, writers)
                .flatMap(w -> Mono.defer(() -> driver.write(w))
                        .doOnSuccess(ignored -> acknowledged.add(patchesPerWrite))
                        .onErrorResume(e -> {
                            failed.increment();
                            lastFailure = e;
                            return Mono.empty();
                        })
                        .repeat(() -> running), writers)
                .subscribe();
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
        loop.dispose();
    }
}
