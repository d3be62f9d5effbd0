package dev.cogsync.workload;

/**
 * A harness was told something it cannot run: a bad command-line option, system property or workload setting. The
 * message names the setting and the rule, ready to show to the person who gave it. Every harness (the load command,
 * the SDK peer, the JMH drivers and the Gatling simulations) reports bad settings with this one exception.
 */
public final class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message the setting and what is wrong with it, for example {@code --writers: must be at least 1}
     */
    public UsageException(String message) {
        super(message);
    }
}
