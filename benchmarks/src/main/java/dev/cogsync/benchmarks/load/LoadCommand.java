package dev.cogsync.benchmarks.load;

import java.io.PrintStream;

/** The {@code load} command. Placeholder until the load command lands. */
public final class LoadCommand {

    private LoadCommand() {
    }

    /**
     * Runs the command.
     *
     * @param args the options
     * @param out where the summary goes
     * @param err where progress and usage errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("load: not implemented yet");
        return 2;
    }
}
