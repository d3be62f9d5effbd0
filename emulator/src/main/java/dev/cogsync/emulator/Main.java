package dev.cogsync.emulator;

import dev.cogsync.emulator.internal.Cli;

/**
 * The standalone emulator: {@code java -jar cogsync-emulator-0.1.0-all.jar --port 0}. The first line on
 * standard output is {@code listening on http://HOST:PORT}; it then runs until the process is terminated.
 * {@code --help} lists the options; a bad command line exits with status 2 and a message naming the option.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the emulator.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int status = Cli.run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }
}
