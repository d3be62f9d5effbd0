package dev.cogsync.auth;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Provides credentials from the usual AWS sources that need no network: system properties, then environment
 * variables, then the shared profile files.
 *
 * <p>The sources, in order:
 * <ol>
 *   <li>{@link SystemPropertyCredentialsProvider}: {@code aws.accessKeyId}, {@code aws.secretAccessKey},
 *       {@code aws.sessionToken};</li>
 *   <li>{@link EnvironmentVariableCredentialsProvider}: {@code AWS_ACCESS_KEY_ID},
 *       {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN};</li>
 *   <li>{@link ProfileCredentialsProvider}: the profile's static keys in {@code ~/.aws/credentials} and
 *       {@code ~/.aws/config}.</li>
 * </ol>
 * The AWS SDKs go on to web identity tokens, container credentials and the EC2 instance metadata service. Those
 * sources need network I/O, which {@code core} does not do, so they are not part of this chain; on such hosts,
 * pass a provider of your own.
 *
 * <p>The first source that has credentials wins and is remembered, as described in
 * {@link CredentialsProviderChain}. System properties and environment variables are read on the caller's
 * thread (map lookups); the profile files are read once, on the executor, as described in
 * {@link ProfileCredentialsProvider}. When no source has credentials, the stage fails with one
 * {@link dev.cogsync.exception.CredentialsException} that lists each source and why it failed, for example
 * {@code Unable to load AWS credentials from any source: [system properties: aws.accessKeyId is not set,
 * environment: AWS_ACCESS_KEY_ID is not set, profile 'default' in /home/me/.aws/credentials (not found),
 * /home/me/.aws/config (not found): no such profile]}.
 */
public final class DefaultCredentialsProvider implements CredentialsProvider {

    private final String profileName;
    private final Map<String, String> environment;
    private final Properties systemProperties;
    private final Path homeDirectory;
    private final Executor executor;
    private final ProfileCredentialsProvider profile;
    private final CredentialsProviderChain chain;

    private DefaultCredentialsProvider(Builder builder) {
        this.profileName = builder.profileName;
        this.environment = builder.environment;
        this.systemProperties = builder.systemProperties;
        this.homeDirectory = builder.homeDirectory;
        this.executor = builder.executor;
        this.profile = ProfileCredentialsProvider.builder()
                .profileName(profileName)
                .environment(environment)
                .systemProperties(systemProperties)
                .homeDirectory(homeDirectory)
                .executor(executor)
                .build();
        this.chain = CredentialsProviderChain.of(
                systemProperties == null
                        ? SystemPropertyCredentialsProvider.create()
                        : SystemPropertyCredentialsProvider.create(systemProperties),
                environment == null
                        ? EnvironmentVariableCredentialsProvider.create()
                        : EnvironmentVariableCredentialsProvider.create(environment),
                profile);
    }

    /**
     * Creates the chain with every default, reading this process's settings and files.
     *
     * @return the provider
     */
    public static DefaultCredentialsProvider create() {
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
     * Starts a configuration with this provider's settings; the built provider has its own caches.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return builder()
                .profileName(profileName)
                .environment(environment)
                .systemProperties(systemProperties)
                .homeDirectory(homeDirectory)
                .executor(executor);
    }

    /**
     * Resolves credentials from the first source that has them.
     *
     * @return a stage completed with credentials, or failed with a
     *     {@link dev.cogsync.exception.CredentialsException} listing every source and why it failed
     */
    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        return chain.resolveCredentials();
    }

    /**
     * Reads the profile files again (see {@link ProfileCredentialsProvider#refresh()}), then resolves.
     *
     * <p>Only the profile source caches; the other sources are read on every resolution anyway. If an earlier
     * source has credentials, the profile is still re-read but the earlier source keeps winning.
     *
     * @return the stage of the resolution that follows the new read
     */
    public CompletionStage<AwsCredentials> refresh() {
        return profile.refresh()
                .handle((credentials, failure) -> null)
                .thenCompose(ignored -> chain.resolveCredentials());
    }

    /** Lists the sources; never credentials. */
    @Override
    public String toString() {
        return "DefaultCredentialsProvider" + chain.providers();
    }

    /**
     * Configures a {@link DefaultCredentialsProvider}. Every option is optional; {@code null} restores the
     * default. The options apply to every source they concern. Not thread-safe.
     */
    public static final class Builder {

        private String profileName;
        private Map<String, String> environment;
        private Properties systemProperties;
        private Path homeDirectory;
        private Executor executor;

        private Builder() {
        }

        /**
         * The profile the profile source reads; see {@link ProfileCredentialsProvider.Builder#profileName}.
         *
         * @param profileName the profile, or {@code null} for {@code aws.profile}, {@code AWS_PROFILE},
         *     {@code default}
         * @return this builder
         */
        public Builder profileName(String profileName) {
            this.profileName = profileName;
            return this;
        }

        /**
         * The environment variables every source reads instead of {@link System#getenv()}; for tests.
         *
         * @param environment the variables, copied; or {@code null} for the process environment
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = environment == null ? null : Map.copyOf(environment);
            return this;
        }

        /**
         * The system properties every source reads instead of the JVM's; for tests. Read when needed, not copied.
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
         * Where the profile files are read; see {@link ProfileCredentialsProvider.Builder#executor}. Default: the
         * shared {@code cogsync-profile-files} daemon thread.
         *
         * @param executor the executor, or {@code null} for the default
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Creates the provider. Nothing is read until the first resolution.
         *
         * @return the provider
         */
        public DefaultCredentialsProvider build() {
            return new DefaultCredentialsProvider(this);
        }

    }
}
