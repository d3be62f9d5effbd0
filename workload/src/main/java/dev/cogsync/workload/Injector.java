package dev.cogsync.workload;

import java.util.function.UnaryOperator;

/**
 * Which of several load generators ("injectors") sharing one test this process is: its index, from 0, and how many
 * there are. A {@link Workload} gives each injector a disjoint share of the test's datasets, on identities of its
 * own, so that injectors never write each other's records and each one's counts stand on their own.
 *
 * <p>Read from the system properties {@value #INDEX_PROPERTY} and {@value #COUNT_PROPERTY}, or else the environment
 * variables {@value #INDEX_VARIABLE} and {@value #COUNT_VARIABLE}; without them, a process is the only injector.
 *
 * @param index this injector, from 0 to {@code count - 1}
 * @param count how many injectors share the test
 */
public record Injector(int index, int count) {

    /** The system property that gives the injector's index. */
    public static final String INDEX_PROPERTY = "cogsync.injector.index";
    /** The system property that gives the number of injectors. */
    public static final String COUNT_PROPERTY = "cogsync.injector.count";
    /** The environment variable read when {@value #INDEX_PROPERTY} is not set. */
    public static final String INDEX_VARIABLE = "COGSYNC_INJECTOR_INDEX";
    /** The environment variable read when {@value #COUNT_PROPERTY} is not set. */
    public static final String COUNT_VARIABLE = "COGSYNC_INJECTOR_COUNT";

    /** The only injector of a test. */
    public static final Injector SOLE = new Injector(0, 1);

    /**
     * Checks the index and count.
     *
     * @param index this injector, from 0 to {@code count - 1}
     * @param count how many injectors share the test
     * @throws UsageException when the count is below 1 or the index is outside {@code [0, count)}
     */
    public Injector {
        if (count < 1) {
            throw new UsageException(COUNT_PROPERTY + ": must be at least 1, was " + count);
        }
        if (index < 0 || index >= count) {
            throw new UsageException(INDEX_PROPERTY + ": must be from 0 to " + (count - 1) + " (" + COUNT_PROPERTY
                    + " is " + count + "), was " + index);
        }
    }

    /**
     * This process's injector, from the system properties or else the environment.
     *
     * @return the injector; {@link #SOLE} when neither is set
     * @throws UsageException when a value is not a whole number or is out of range
     */
    public static Injector current() {
        return from(System::getProperty, System::getenv);
    }

    /**
     * The injector that the given properties, or else the given environment, describe.
     *
     * @param properties looks a system property up by name; {@code null} when unset
     * @param environment looks an environment variable up by name; {@code null} when unset
     * @return the injector
     * @throws UsageException when a value is not a whole number or is out of range
     */
    public static Injector from(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        int count = read(properties, environment, COUNT_PROPERTY, COUNT_VARIABLE, 1);
        int index = read(properties, environment, INDEX_PROPERTY, INDEX_VARIABLE, 0);
        return new Injector(index, count);
    }

    private static int read(UnaryOperator<String> properties, UnaryOperator<String> environment, String property,
                            String variable, int absent) {
        String name = property;
        String text = properties.apply(property);
        if (text == null) {
            name = variable;
            text = environment.apply(variable);
        }
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + ": must be a whole number, was \"" + text + "\"");
        }
    }

    /** @return {@code injector 1 of 2}, for people */
    @Override
    public String toString() {
        return "injector " + index + " of " + count;
    }
}
