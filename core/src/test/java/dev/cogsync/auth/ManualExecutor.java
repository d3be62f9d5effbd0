package dev.cogsync.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/** An executor that only queues tasks, so a test decides when, and on which thread, they run. */
public final class ManualExecutor implements Executor {

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<String> threadsThatRanTasks = new ArrayList<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** How many tasks wait to run. */
    public int pending() {
        return tasks.size();
    }

    /** Runs every queued task on a new thread with this name, and waits for it. */
    public void runAllOn(String threadName) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                synchronized (threadsThatRanTasks) {
                    threadsThatRanTasks.add(Thread.currentThread().getName());
                }
                task.run();
            }
        }, threadName);
        thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        thread.start();
        thread.join(10_000);
        if (failure.get() != null) {
            throw new AssertionError("a task failed", failure.get());
        }
    }

    /** Runs every queued task on a new thread named {@code manual-executor}. */
    public void runAll() throws InterruptedException {
        runAllOn("manual-executor");
    }

    /** The names of the threads that ran tasks, one entry per task. */
    public List<String> threadsThatRanTasks() {
        synchronized (threadsThatRanTasks) {
            return List.copyOf(threadsThatRanTasks);
        }
    }
}
