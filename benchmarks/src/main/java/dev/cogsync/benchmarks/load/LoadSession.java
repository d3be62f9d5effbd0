package dev.cogsync.benchmarks.load;

import dev.cogsync.reactor.WriterOptions;
import dev.cogsync.workload.PatchMode;
import dev.cogsync.workload.PatchSender;
import dev.cogsync.workload.Workload;
import dev.cogsync.reactor.ClientStats;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of the load command, on the calling (main) thread: start the target, run the writers while showing
 * progress, shut everything down, then print the summary. The only blocking happens here, never on an event loop.
 *
 * <p>Interrupting the process (Ctrl-C) stops the writers from submitting; the patches in flight end, everything
 * shuts down and the summary is printed before the JVM exits.
 */
final class LoadSession {

    /** How long an interrupted run may take to drain, shut down and print before the JVM exits anyway. */
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(60);
    /** How long the sender may take to close: the writer's own close timeout, plus a margin against a bug there. */
    private static final Duration CLOSE_TIMEOUT =
            PatchMode.HARNESS_WRITER_OPTIONS.closeTimeout().plus(Duration.ofSeconds(10));

    private final LoadOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private volatile boolean interrupted;

    /**
     * Prepares a run.
     *
     * @param options what to run
     * @param out where the summary goes
     * @param err where progress and errors go
     * @param terminal whether {@code err} is a terminal, for the progress bar
     */
    LoadSession(LoadOptions options, PrintStream out, PrintStream err, boolean terminal) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * Runs, prints the summary, and writes the JSON file if asked.
     *
     * @return {@link LoadCommand#EXIT_OK} when every patch was acknowledged; {@link LoadCommand#EXIT_FAILED} when
     *     any failed, or the run could not start or finish
     */
    int run() {
        Budget warmup = Budget.ofDuration(options.warmup());
        Budget budget = Budget.of(options);
        CountDownLatch finished = new CountDownLatch(1);
        Thread interrupt = new Thread(() -> {
            interrupted = true;
            warmup.stop();
            budget.stop();
            err.println();
            err.println("load: interrupted; waiting for the patches in flight, then printing the summary");
            try {
                finished.await(INTERRUPT_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cogsync-load-interrupt");
        Runtime.getRuntime().addShutdownHook(interrupt);
        try {
            LoadSummary summary = measure(warmup, budget);
            if (summary == null) {
                return LoadCommand.EXIT_FAILED;
            }
            out.print(SummaryTable.render(summary));
            out.flush();
            if (options.json() != null) {
                try {
                    SummaryJson.write(summary, options.json());
                } catch (IOException e) {
                    err.println("load: cannot write " + options.json() + ": " + e);
                    return LoadCommand.EXIT_FAILED;
                }
            }
            return summary.exitStatus();
        } catch (RuntimeException unexpected) {
            // A bug, or a failure to shut down: say so, with the trace for a bug report, and fail.
            err.println("load: failed: " + unexpected);
            unexpected.printStackTrace(err);
            return LoadCommand.EXIT_FAILED;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupt);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it returns now that the summary is out.
            }
        }
    }

    /** Runs the writers and collects the summary, after everything is shut down; null when the run failed. */
    private LoadSummary measure(Budget warmup, Budget budget) {
        LoadTarget target;
        Workload workload;
        try {
            target = LoadTarget.open(options);
        } catch (RuntimeException e) {
            err.println("load: cannot start: " + e.getMessage());
            return null;
        }
        try {
            workload = Workload.builder()
                    .identityPoolId(options.identityPoolId())
                    .writers(options.writers())
                    .datasets(options.datasets())
                    .keys(options.keys())
                    .valueBytes(options.valueBytes())
                    .identities(target.identities(options.datasets(), options.identityPoolId()))
                    .build();
        } catch (RuntimeException e) {
            err.println("load: cannot start: creating identities failed: " + e.getMessage());
            target.close();
            return null;
        }
        Tally tally = new Tally();
        ClientStats before;
        ClientStats after;
        Duration elapsed;
        try (target) {
            try {
                target.preflight(workload.datasets().get(0));
            } catch (RuntimeException e) {
                err.println("load: cannot start: ListRecords of " + workload.datasets().get(0).datasetName()
                        + " at " + target.description() + " failed: " + e.getMessage());
                return null;
            }
            err.println("load: " + SummaryTable.describe(options) + ", against " + target.description());
            PatchSender sender = options.mode().sender(target.client(), writerOptions(options));
            try {
                if (!options.warmup().isZero()) {
                    // Same writers, sender and client as the measured phase; only the tally is thrown away.
                    Tally uncounted = new Tally();
                    await(new LoadDriver(workload, sender, warmup, uncounted).start(), uncounted, warmup, "warm-up");
                }
                before = target.client().stats();
                elapsed = await(new LoadDriver(workload, sender, budget, tally).start(), tally, budget, "load");
            } finally {
                // close() ends every write within its own timeout; the margin only guards against a bug there.
                sender.close().block(CLOSE_TIMEOUT);
            }
            after = target.client().stats();
        } catch (ExecutionException e) {
            err.println("load: the run failed: " + e.getCause());
            return null;
        }
        return LoadSummary.of(options, target.description(), tally, before, after, elapsed, interrupted);
    }

    /**
     * The writer options of a run, in the modes that coalesce: every harness's, with the run's write timeout and
     * room for all of its datasets at once.
     */
    static WriterOptions writerOptions(LoadOptions options) {
        WriterOptions defaults = PatchMode.HARNESS_WRITER_OPTIONS;
        WriterOptions.Builder builder = defaults.toBuilder()
                .maxActiveDatasets(Math.max(defaults.maxActiveDatasets(), options.datasets()));
        if (options.writeTimeout() != null) {
            builder.writeTimeout(options.writeTimeout());
        }
        return builder.build();
    }

    /** Waits for the writers on the main thread, showing progress meanwhile. */
    private Duration await(CompletableFuture<Duration> run, Tally tally, Budget budget, String phase)
            throws ExecutionException {
        Progress progress = new Progress(err, terminal, budget, phase);
        long start = System.nanoTime();
        long period = progress.period().toNanos();
        while (true) {
            try {
                Duration elapsed = run.get(period, TimeUnit.NANOSECONDS);
                progress.finish(elapsed, tally.acknowledgedCount() + tally.failedCount(), tally.failedCount());
                return elapsed;
            } catch (TimeoutException stillRunning) {
                long failed = tally.failedCount();
                progress.update(System.nanoTime() - start, tally.submittedCount(),
                        tally.acknowledgedCount() + failed, failed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                budget.stop();
                throw new ExecutionException("interrupted while waiting for the writers", e);
            }
        }
    }
}
