package dev.cogsync.auth;

import dev.cogsync.auth.internal.CachedCredentialsLoad;
import dev.cogsync.auth.internal.ProfileFileExecutor;
import dev.cogsync.auth.internal.ProfileLocation;
import dev.cogsync.auth.internal.SharedProfileFiles;
import dev.cogsync.auth.internal.SystemSettings;
import dev.cogsync.exception.CredentialsException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Provides the static credentials of a profile in the shared files {@code ~/.aws/credentials} and
 * {@code ~/.aws/config}, as the AWS CLI and SDKs write them.
 *
 * <p><b>Which profile and files.</b> The profile is the one set with {@link Builder#profileName}, else the
 * {@code aws.profile} system property, else the {@code AWS_PROFILE} environment variable, else
 * {@code default}. The credentials file is the one set with {@link Builder#credentialsFile}, else the
 * {@code aws.sharedCredentialsFile} system property, else {@code AWS_SHARED_CREDENTIALS_FILE}, else
 * {@code ~/.aws/credentials}; the config file likewise with {@code aws.configFile}, {@code AWS_CONFIG_FILE} and
 * {@code ~/.aws/config}. A {@code ~} at the start of a path from a setting is the home directory. Either file
 * may be missing. In the credentials file a profile is {@code [name]}; in the config file it is
 * {@code [profile name]}, or {@code [default]}. When both files define the profile, the credentials file wins
 * property by property.
 *
 * <p><b>What it reads.</b> {@code aws_access_key_id}, {@code aws_secret_access_key} and
 * {@code aws_session_token}. A profile without both keys that uses {@code role_arn}, {@code source_profile},
 * {@code credential_source}, {@code credential_process}, {@code web_identity_token_file} or an {@code sso_}
 * property fails with a message naming that property: cogsync does not support those sources.
 *
 * <p><b>Threading and caching.</b> The files are read and parsed on the {@linkplain Builder#executor executor}
 * (by default one shared daemon thread), never on the caller's thread. The first resolution starts the read
 * and returns a stage that completes on the executor's thread when it is done; concurrent resolutions share
 * it. The outcome, credentials or failure, is cached: every later resolution returns an already completed
 * stage without touching the files, even if they change. Call {@link #refresh()} to read them again.
 *
 * <p><b>Errors.</b> The stage fails with a {@link CredentialsException} whose message starts with
 * {@code profile '<name>' in <credentials file>, <config file>:} and says why: a file cannot be read (for
 * example it is a directory), a file is malformed (with the line number), the profile is not defined, a key
 * is missing, or the source is unsupported. Messages never contain keys, tokens or file content.
 */
public final class ProfileCredentialsProvider implements CredentialsProvider {

    private final String profileName;
    private final Path credentialsFile;
    private final Path configFile;
    private final Map<String, String> environment;
    private final Properties systemProperties;
    private final Path homeDirectory;
    private final Executor configuredExecutor;
    private final SystemSettings settings;
    private final CachedCredentialsLoad cache;

    private ProfileCredentialsProvider(Builder builder) {
        this.profileName = builder.profileName;
        this.credentialsFile = builder.credentialsFile;
        this.configFile = builder.configFile;
        this.environment = builder.environment;
        this.systemProperties = builder.systemProperties;
        this.homeDirectory = builder.homeDirectory;
        this.configuredExecutor = builder.executor;
        this.settings = SystemSettings.of(environment, systemProperties, homeDirectory);
        this.cache = new CachedCredentialsLoad(this::load,
                configuredExecutor != null ? configuredExecutor : ProfileFileExecutor.shared(), "profile");
    }

    /**
     * Creates a provider with every default: the profile and the files named by system properties and
     * environment variables, read on the shared profile-file thread.
     *
     * @return the provider
     */
    public static ProfileCredentialsProvider create() {
        return builder().build();
    }

    /**
     * Creates a provider for a named profile, with every other default.
     *
     * @param profileName the profile
     * @return the provider
     */
    public static ProfileCredentialsProvider create(String profileName) {
        return builder().profileName(Objects.requireNonNull(profileName, "profileName")).build();
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
     * Starts a configuration with this provider's settings; the built provider has its own cache.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return builder()
                .profileName(profileName)
                .credentialsFile(credentialsFile)
                .configFile(configFile)
                .environment(environment)
                .systemProperties(systemProperties)
                .homeDirectory(homeDirectory)
                .executor(configuredExecutor);
    }

    /**
     * Returns the cached outcome of reading the profile, reading the files first if this is the first call.
     *
     * @return an already completed stage once a read has finished; before that, the stage of the running read
     */
    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        return cache.get();
    }

    /**
     * Reads the files again, in the background, on the executor.
     *
     * <p>Until the new read finishes, resolutions keep returning the previous outcome; then they return the new
     * one, whether it is credentials or a failure. When reads overlap, the one started last wins.
     *
     * @return the stage of the new read, completed on the executor's thread
     */
    public CompletionStage<AwsCredentials> refresh() {
        return cache.refresh();
    }

    /** Blocking: runs on the executor. */
    private AwsCredentials load() {
        ProfileLocation location;
        try {
            location = ProfileLocation.resolve(settings, profileName, credentialsFile, configFile);
        } catch (InvalidPathException e) {
            throw new CredentialsException("profile: a profile file setting is not a valid path: " + e.getReason(), e);
        }
        return SharedProfileFiles.loadCredentials(location);
    }

    /** Names the configured profile, if any; never credentials. */
    @Override
    public String toString() {
        return profileName == null
                ? "ProfileCredentialsProvider"
                : "ProfileCredentialsProvider[profile=" + profileName + "]";
    }

    /**
     * Configures a {@link ProfileCredentialsProvider}. Every option is optional; {@code null} restores the
     * default. Not thread-safe.
     */
    public static final class Builder {

        private String profileName;
        private Path credentialsFile;
        private Path configFile;
        private Map<String, String> environment;
        private Properties systemProperties;
        private Path homeDirectory;
        private Executor executor;

        private Builder() {
        }

        /**
         * The profile to read. Default: the {@code aws.profile} system property, else the {@code AWS_PROFILE}
         * environment variable, else {@code default}.
         *
         * @param profileName the profile, or {@code null} for the default
         * @return this builder
         */
        public Builder profileName(String profileName) {
            this.profileName = profileName;
            return this;
        }

        /**
         * The shared credentials file, used as given ({@code ~} is not expanded in a {@link Path}). Default: the
         * {@code aws.sharedCredentialsFile} system property, else {@code AWS_SHARED_CREDENTIALS_FILE}, else
         * {@code ~/.aws/credentials}.
         *
         * @param credentialsFile the file, or {@code null} for the default
         * @return this builder
         */
        public Builder credentialsFile(Path credentialsFile) {
            this.credentialsFile = credentialsFile;
            return this;
        }

        /**
         * The shared config file, used as given. Default: the {@code aws.configFile} system property, else
         * {@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}.
         *
         * @param configFile the file, or {@code null} for the default
         * @return this builder
         */
        public Builder configFile(Path configFile) {
            this.configFile = configFile;
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
         * The system properties to read instead of the JVM's; for tests. They are read when the files are read,
         * not copied.
         *
         * @param systemProperties the properties, or {@code null} for the JVM's
         * @return this builder
         */
        public Builder systemProperties(Properties systemProperties) {
            this.systemProperties = systemProperties;
            return this;
        }

        /**
         * The home directory, for {@code ~} and the default {@code .aws} folder. Default: the {@code user.home}
         * system property of the JVM.
         *
         * @param homeDirectory the directory, or {@code null} for the default
         * @return this builder
         */
        public Builder homeDirectory(Path homeDirectory) {
            this.homeDirectory = homeDirectory;
            return this;
        }

        /**
         * Where the files are read and parsed. Default: one daemon thread shared by every provider that uses
         * the default, named {@code cogsync-profile-files}, started on first use and stopped when idle. Give an
         * executor that may block briefly; an event loop is the wrong choice.
         *
         * @param executor the executor, or {@code null} for the default
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Creates the provider. No file is read until the first resolution.
         *
         * @return the provider
         */
        public ProfileCredentialsProvider build() {
            return new ProfileCredentialsProvider(this);
        }

    }
}
