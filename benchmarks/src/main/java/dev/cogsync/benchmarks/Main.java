package dev.cogsync.benchmarks;

import dev.cogsync.benchmarks.load.LoadCommand;

import java.util.Arrays;

/**
 * The benchmarks jar's entry point: {@code load [options]} runs the load command, {@code footprint [datasets]}
 * measures the heap of an active dataset; anything else goes to JMH's own
 * command line ({@code -h} lists its options, {@code -l} the benchmarks).
 */
public final class Main {

    private Main() {
    }

    /**
     * Dispatches to the load command or to JMH.
     *
     * @param args {@code load ...}, or JMH arguments
     * @throws Exception when JMH fails to run
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("footprint")) {
            DatasetFootprint.run(Arrays.copyOfRange(args, 1, args.length), System.out);
            return;
        }
        if (args.length > 0 && args[0].equals("load")) {
            System.exit(LoadCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        org.openjdk.jmh.Main.main(args);
    }
}
