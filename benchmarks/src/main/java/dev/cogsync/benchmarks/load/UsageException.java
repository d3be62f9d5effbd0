package dev.cogsync.benchmarks.load;

/** A bad command line: the message names the option and the problem, ready to show to the user. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
