package dev.cogsync.auth.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The default executor for reading profile files: one shared daemon thread, so that the blocking reads
 * stay off event loops and out of {@code ForkJoinPool.commonPool()} (which is meant for CPU-bound work and
 * may have a single thread on small machines).
 *
 * <p>The thread is started on the first read, stops after {@value #IDLE_SECONDS} idle seconds, and never keeps
 * the JVM alive. Reads are rare (once per provider, and on refresh), so one thread is enough.
 */
public final class ProfileFileExecutor {

    /** Threads are named so that a thread dump shows who started them. */
    public static final String THREAD_NAME = "cogsync-profile-files";

    private static final long IDLE_SECONDS = 30;

    private static final Executor SHARED = createShared();

    private ProfileFileExecutor() {
    }

    /**
     * The shared executor. It cannot be shut down through this reference.
     *
     * @return the executor
     */
    public static Executor shared() {
        return SHARED;
    }

    private static Executor createShared() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, THREAD_NAME);
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool::execute;
    }
}
