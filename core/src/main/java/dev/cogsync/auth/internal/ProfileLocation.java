package dev.cogsync.auth.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which profile to read and where the two shared files are, resolved once so that the credentials and the
 * region sources agree on the rules.
 *
 * @param profileName the profile name
 * @param credentialsFile the shared credentials file
 * @param configFile the shared config file
 */
public record ProfileLocation(String profileName, Path credentialsFile, Path configFile) {

    /** The profile used when nothing names one. */
    public static final String DEFAULT_PROFILE = "default";

    /** Requires every part. */
    public ProfileLocation {
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(credentialsFile, "credentialsFile");
        Objects.requireNonNull(configFile, "configFile");
    }

    /**
     * Applies the AWS rules: an explicit value wins; then the system property; then the environment variable;
     * then the default. A leading {@code ~} in a path taken from a setting is the home directory.
     *
     * @param settings where the settings are read
     * @param profileName the explicit profile name, or {@code null}
     * @param credentialsFile the explicit credentials file, or {@code null}
     * @param configFile the explicit config file, or {@code null}
     * @return the location
     * @throws java.nio.file.InvalidPathException when a setting is not a valid path
     */
    public static ProfileLocation resolve(
            SystemSettings settings, String profileName, Path credentialsFile, Path configFile) {
        String name = profileName != null
                ? profileName
                : settings.setting("aws.profile", "AWS_PROFILE").orElse(DEFAULT_PROFILE);
        Path credentials = credentialsFile != null
                ? credentialsFile
                : settingPath(settings, "aws.sharedCredentialsFile", "AWS_SHARED_CREDENTIALS_FILE", "credentials");
        Path config = configFile != null
                ? configFile
                : settingPath(settings, "aws.configFile", "AWS_CONFIG_FILE", "config");
        return new ProfileLocation(name, credentials, config);
    }

    private static Path settingPath(
            SystemSettings settings, String propertyName, String variableName, String defaultFileName) {
        return settings.setting(propertyName, variableName)
                .map(path -> expandHome(path, settings))
                .orElseGet(() -> settings.home().resolve(".aws").resolve(defaultFileName));
    }

    /**
     * Expands {@code ~} and {@code ~/...} (also {@code ~\...} on Windows); {@code ~user} is left alone, as
     * the SDKs do not resolve other users' homes either.
     */
    static Path expandHome(String path, SystemSettings settings) {
        if (path.equals("~")) {
            return settings.home();
        }
        if (path.startsWith("~/") || path.startsWith("~" + File.separator)) {
            return settings.home().resolve(path.substring(2));
        }
        return Path.of(path);
    }
}
