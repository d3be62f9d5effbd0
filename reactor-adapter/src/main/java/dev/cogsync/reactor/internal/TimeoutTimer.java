package dev.cogsync.reactor.internal;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Arms the client's attempt and call timeouts: {@link #after(Duration)} is a {@code Mono} that emits once the
 * delay has passed, for {@link Mono#timeout(org.reactivestreams.Publisher)}; cancelling it disarms the timer.
 */
@FunctionalInterface
public interface TimeoutTimer {

    /**
     * Reactor's own delay, on {@code Schedulers.parallel()}: what {@link Mono#timeout(Duration)} uses, and what
     * {@code StepVerifier.withVirtualTime} replaces, so tests of timeouts use this one.
     */
    TimeoutTimer REACTOR = Mono::delay;

    /**
     * A Mono that emits {@code 0} after {@code delay}, and stops the timer when cancelled.
     *
     * @param delay how long to wait
     * @return the lazy timer
     */
    Mono<Long> after(Duration delay);

    /**
     * The timer the client uses: one Netty {@link HashedWheelTimer} for the process, on one daemon thread
     * ({@code cogsync-timeouts}) that ticks every 10 ms, started with the first timer armed.
     *
     * <p>Every call arms one or two timers and, nearly always, cancels them. On {@code Schedulers.parallel()}
     * each of those takes the lock of a {@code ScheduledThreadPoolExecutor} and usually wakes one of its threads,
     * because the new timer is the earliest; at concurrency 1 on two cores that cost about 20 µs of a 125 µs call
     * (see the latency benchmark in {@code benchmarks/README.md}). Arming and cancelling a wheel timeout is an
     * offer to a lock-free queue; the wheel's thread does the rest on its next tick. A timeout fires up to one
     * tick late, which is nothing against timeouts of seconds. When it fires, what follows runs on the wheel's
     * thread.
     *
     * @return the shared wheel timer
     */
    static TimeoutTimer wheel() {
        return Wheel.TIMER;
    }

    /** Holds the shared wheel, created on first use. */
    final class Wheel implements TimeoutTimer {

        static final Wheel TIMER = new Wheel();

        private final HashedWheelTimer wheel = new HashedWheelTimer(runnable -> {
            // A plain daemon thread: not a Netty FastThreadLocalThread, which BlockHound would take for an event
            // loop, and it sleeps between ticks by design.
            Thread thread = new Thread(runnable, "cogsync-timeouts");
            thread.setDaemon(true);
            return thread;
        }, 10, TimeUnit.MILLISECONDS, 512, false);

        private Wheel() {
        }

        @Override
        public Mono<Long> after(Duration delay) {
            long nanos = delay.toNanos();
            return Mono.create(sink -> {
                Timeout timeout = wheel.newTimeout(ignored -> sink.success(0L), nanos, TimeUnit.NANOSECONDS);
                sink.onCancel(timeout::cancel);
            });
        }
    }
}
