package dev.cogsync.auth.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The process settings the credentials and region sources read (environment, system properties, home
 * directory), behind one seam so that tests can inject them instead of mutating global state.
 *
 * @param environment looks up an environment variable; returns {@code null} when it is not set
 * @param systemProperties looks up a system property; returns {@code null} when it is not set
 * @param homeDirectory supplies the directory that {@code ~} and the default {@code .aws} folder are relative to
 */
public record SystemSettings(
        Function<String, String> environment,
        Function<String, String> systemProperties,
        Supplier<Path> homeDirectory) {

    /** Requires every part. */
    public SystemSettings {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(systemProperties, "systemProperties");
        Objects.requireNonNull(homeDirectory, "homeDirectory");
    }

    /**
     * Settings taken from this process, or from the given replacements where they are not {@code null}.
     *
     * <p>The environment map is copied, because a process environment never changes. The properties are read
     * at each lookup, because system properties can change at run time and a caller may pass
     * {@link System#getProperties()} itself.
     *
     * @param environment the environment variables, or {@code null} for {@link System#getenv()}
     * @param systemProperties the system properties, or {@code null} for {@link System#getProperties()}
     * @param homeDirectory the home directory, or {@code null} for the {@code HOME} environment variable, else the
     *     {@code user.home} system property
     * @return the settings
     */
    public static SystemSettings of(Map<String, String> environment, Properties systemProperties, Path homeDirectory) {
        Function<String, String> env = environment == null ? System::getenv : Map.copyOf(environment)::get;
        Function<String, String> props = systemProperties == null ? System::getProperty : systemProperties::getProperty;
        // HOME before user.home, as the AWS SDKs look for ~/.aws.
        Supplier<Path> home = homeDirectory != null ? () -> homeDirectory : () -> {
            String variable = env.apply("HOME");
            return variable != null && !variable.isBlank() ? Path.of(variable.strip())
                    : Path.of(System.getProperty("user.home"));
        };
        return new SystemSettings(env, props, home);
    }

    /**
     * An environment variable, trimmed; a blank value counts as not set.
     *
     * @param name the variable name
     * @return the value, or empty when it is not set or blank
     */
    public Optional<String> environmentVariable(String name) {
        return nonBlank(environment.apply(name));
    }

    /**
     * A system property, trimmed; a blank value counts as not set.
     *
     * @param name the property name
     * @return the value, or empty when it is not set or blank
     */
    public Optional<String> systemProperty(String name) {
        return nonBlank(systemProperties.apply(name));
    }

    /**
     * A setting that may come from a system property or an environment variable; the system property wins,
     * as in the AWS SDKs.
     *
     * @param propertyName the system property
     * @param variableName the environment variable
     * @return the value, or empty when neither is set
     */
    public Optional<String> setting(String propertyName, String variableName) {
        return systemProperty(propertyName).or(() -> environmentVariable(variableName));
    }

    /**
     * The home directory.
     *
     * @return the home directory
     */
    public Path home() {
        return homeDirectory.get();
    }

    private static Optional<String> nonBlank(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }
}
