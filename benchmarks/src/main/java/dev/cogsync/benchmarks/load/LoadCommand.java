package dev.cogsync.benchmarks.load;

import dev.cogsync.workload.UsageException;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The {@code load} command: concurrent writers against Cognito Sync UpdateRecords, through the coalescer or one
 * call per patch, against an embedded emulator or a given endpoint, with a summary of patches, calls, retries,
 * throughput and latency. {@code load --help} lists the options; {@code benchmarks/README.md} explains them.
 *
 * <p>Standard output carries only the summary table (or the help text); progress, the run's description and
 * errors go to standard error.
 */
public final class LoadCommand {

    /** Every patch was acknowledged. */
    public static final int EXIT_OK = 0;
    /** Some patch failed, or the run could not start or finish. */
    public static final int EXIT_FAILED = 1;
    /** The command line was bad; nothing was started. */
    public static final int EXIT_USAGE = 2;

    private LoadCommand() {
    }

    /**
     * Runs the command on the calling thread, which it blocks until the run is over and everything it started
     * has shut down.
     *
     * @param args the options, without the word {@code load}
     * @param out where the summary goes
     * @param err where progress, the run's description and errors go
     * @return {@link #EXIT_OK}, {@link #EXIT_FAILED} or {@link #EXIT_USAGE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        if (LoadOptionsParser.wantsHelp(args)) {
            out.print(LoadOptionsParser.USAGE);
            out.flush();
            return EXIT_OK;
        }
        LoadOptions options;
        try {
            options = LoadOptionsParser.parse(args);
        } catch (UsageException e) {
            err.println("load: " + e.getMessage());
            err.println("Run 'java -jar cogsync-benchmarks.jar load --help' for the options.");
            return EXIT_USAGE;
        }
        // Java 17's console needs both standard streams on a terminal; a captured stream never is one.
        boolean terminal = err == System.err && System.console() != null;
        return new LoadSession(options, out, err, terminal).run();
    }
}
