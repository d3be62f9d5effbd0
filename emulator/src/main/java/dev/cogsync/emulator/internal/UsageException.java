package dev.cogsync.emulator.internal;

/** A command line the emulator cannot run; the message names the option and what is wrong with it. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
