package dev.cogsync.auth;

import dev.cogsync.auth.internal.ProfileLocation;
import dev.cogsync.auth.internal.SharedProfileFiles;
import dev.cogsync.auth.internal.SystemSettings;
import dev.cogsync.exception.CognitoSyncClientException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Resolves the region from the usual AWS settings: the {@code aws.region} system property, then the
 * {@code AWS_REGION} environment variable, then {@code AWS_DEFAULT_REGION}, then the {@code region} property of
 * the active profile in the shared config file.
 *
 * <p>The profile and the config file are chosen by the same rules as in {@link ProfileCredentialsProvider}
 * ({@code aws.profile}, {@code AWS_PROFILE}, {@code default}; {@code aws.configFile}, {@code AWS_CONFIG_FILE},
 * {@code ~/.aws/config}). Only the config file is read for the region, as in the AWS CLI; the credentials file
 * is not.
 *
 * <p><b>Blocking.</b> Each call reads the settings again and, when none of them is set, reads and parses the
 * config file on the calling thread. Nothing is cached: call it once, while building a client. Values are
 * trimmed; a blank value counts as not set.
 */
public final class DefaultRegionProvider implements AwsRegionProvider {

    private final String profileName;
    private final SystemSettings settings;
    private final Map<String, String> environment;
    private final Properties systemProperties;
    private final Path homeDirectory;

    private DefaultRegionProvider(Builder builder) {
        this.profileName = builder.profileName;
        this.environment = builder.environment;
        this.systemProperties = builder.systemProperties;
        this.homeDirectory = builder.homeDirectory;
        this.settings = SystemSettings.of(environment, systemProperties, homeDirectory);
    }

    /**
     * Creates the chain with every default, reading this process's settings and files.
     *
     * @return the provider
     */
    public static DefaultRegionProvider create() {
        return builder().build();
    }

    /**
     * Starts a configuration with every default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a configuration with this provider's settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return builder().profileName(profileName).environment(environment).systemProperties(systemProperties)
                .homeDirectory(homeDirectory);
    }

    /**
     * Resolves the region; may read the config file on this thread.
     *
     * @return the region, or empty when no setting has one and the profile (or its file) has none either
     * @throws CognitoSyncClientException when the config file is needed but cannot be read or is malformed;
     *     the message names the file and the reason
     */
    @Override
    public Optional<String> resolveRegion() {
        Optional<String> fromSettings = settings.systemProperty("aws.region")
                .or(() -> settings.environmentVariable("AWS_REGION"))
                .or(() -> settings.environmentVariable("AWS_DEFAULT_REGION"));
        if (fromSettings.isPresent()) {
            return fromSettings;
        }
        ProfileLocation location;
        try {
            location = ProfileLocation.resolve(settings, profileName, null, null);
        } catch (InvalidPathException e) {
            throw new CognitoSyncClientException(
                    "Unable to read the region: a profile file setting is not a valid path: " + e.getReason(), e, 0);
        }
        return SharedProfileFiles.loadRegion(location);
    }

    @Override
    public String toString() {
        return profileName == null ? "DefaultRegionProvider" : "DefaultRegionProvider[profile=" + profileName + "]";
    }

    /**
     * Configures a {@link DefaultRegionProvider}. Every option is optional; {@code null} restores the default.
     * Not thread-safe.
     */
    public static final class Builder {

        private String profileName;
        private Map<String, String> environment;
        private Properties systemProperties;
        private Path homeDirectory;

        private Builder() {
        }

        /**
         * The profile whose {@code region} is read. Default: {@code aws.profile}, else {@code AWS_PROFILE}, else
         * {@code default}.
         *
         * @param profileName the profile, or {@code null} for the default
         * @return this builder
         */
        public Builder profileName(String profileName) {
            this.profileName = profileName;
            return this;
        }

        /**
         * The environment variables to read instead of {@link System#getenv()}; for tests.
         *
         * @param environment the variables, copied; or {@code null} for the process environment
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = environment == null ? null : Map.copyOf(environment);
            return this;
        }

        /**
         * The system properties to read instead of the JVM's; for tests. Read at each resolution, not copied.
         *
         * @param systemProperties the properties, or {@code null} for the JVM's
         * @return this builder
         */
        public Builder systemProperties(Properties systemProperties) {
            this.systemProperties = systemProperties;
            return this;
        }

        /**
         * The home directory for {@code ~} and the default {@code .aws} folder. Default: {@code user.home}.
         *
         * @param homeDirectory the directory, or {@code null} for the default
         * @return this builder
         */
        public Builder homeDirectory(Path homeDirectory) {
            this.homeDirectory = homeDirectory;
            return this;
        }

        /**
         * Creates the provider. Nothing is read until {@link DefaultRegionProvider#resolveRegion()}.
         *
         * @return the provider
         */
        public DefaultRegionProvider build() {
            return new DefaultRegionProvider(this);
        }
    }
}
