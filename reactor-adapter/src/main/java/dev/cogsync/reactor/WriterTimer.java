package dev.cogsync.reactor;

import dev.cogsync.reactor.internal.TimeoutTimer;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The writer's clock and timers: deadlines, backoffs, adaptive-rate waits and the idle sweep. A seam so that the
 * deterministic tests run the writer on virtual time.
 */
interface WriterTimer {

    /**
     * The current time.
     *
     * @return monotonic nanoseconds
     */
    long nanoTime();

    /**
     * Runs a task once after a delay.
     *
     * @param task what to run; it must not block
     * @param delayNanos the delay, 0 or more
     * @return disposing it cancels the task
     */
    Disposable schedule(Runnable task, long delayNanos);

    /**
     * The production timer: {@link System#nanoTime()} and the client's shared wheel timer (one daemon thread,
     * {@code cogsync-timeouts}, 10 ms ticks), so a timer fires up to one tick late and its task runs on that
     * thread.
     *
     * @return the system timer
     */
    static WriterTimer system() {
        TimeoutTimer wheel = TimeoutTimer.wheel();
        return new WriterTimer() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Disposable schedule(Runnable task, long delayNanos) {
                return wheel.after(Duration.ofNanos(delayNanos)).subscribe(tick -> task.run());
            }
        };
    }

    /**
     * A timer on a Reactor scheduler, for example a {@code VirtualTimeScheduler} in tests.
     *
     * @param scheduler the scheduler whose clock and delays to use
     * @return the timer
     */
    static WriterTimer of(Scheduler scheduler) {
        return new WriterTimer() {
            @Override
            public long nanoTime() {
                return scheduler.now(TimeUnit.NANOSECONDS);
            }

            @Override
            public Disposable schedule(Runnable task, long delayNanos) {
                return scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            }
        };
    }
}
