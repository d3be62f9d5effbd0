package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.emulator.EmulatorCounters;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** The standalone emulator: parses the command line, starts the server, announces it and waits for shutdown. */
public final class Cli {

    /** Exit status of a command line that cannot run. */
    public static final int USAGE_ERROR = 2;

    private Cli() {
    }

    /**
     * Runs the command line. With {@code --help} or a usage error it returns at once; otherwise it starts the
     * emulator, prints {@code listening on http://HOST:PORT} as the first line of {@code out}, and returns
     * when the JVM shuts down (SIGTERM, SIGINT), after printing {@link #summary} and closing the emulator.
     *
     * @param args the arguments
     * @param out where the listening line and the help go
     * @param err where usage errors go
     * @return the exit status: 0, or {@link #USAGE_ERROR}
     */
    /**
     * The last line on standard output, printed as the emulator shuts down: what it applied and refused, for a
     * harness to check its own counts against, for example
     * {@code stopped: applied-patches=4000 update-records-calls=812 throttled=240 requests=1301}.
     *
     * @param counters the emulator's counters
     * @return the line
     */
    public static String summary(EmulatorCounters counters) {
        return "stopped: applied-patches=" + counters.appliedPatches()
                + " update-records-calls=" + counters.updateRecordsCalls()
                + " throttled=" + counters.requests(ApiOperation.UPDATE_RECORDS, 429)
                + " requests=" + counters.totalRequests();
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (UsageException e) {
            err.println("cogsync-emulator: " + e.getMessage());
            err.println("Try --help for the options.");
            err.flush();
            return USAGE_ERROR;
        }
        if (commandLine.help()) {
            out.print(CommandLine.USAGE);
            out.flush();
            return 0;
        }
        CognitoSyncEmulator emulator = CognitoSyncEmulator.start(commandLine.config());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                out.println(summary(emulator.counters()));
                out.flush();
                emulator.close();
            } finally {
                stopped.countDown();
            }
        }, "cogsync-emulator-shutdown"));
        out.println("listening on " + emulator.endpoint());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
