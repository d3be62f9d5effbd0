package dev.cogsync.reactor.auth;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.CredentialsProviderChain;
import dev.cogsync.auth.EnvironmentVariableCredentialsProvider;
import dev.cogsync.auth.SystemPropertyCredentialsProvider;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionStage;

/**
 * The AWS SDKs' default credentials chain, in their order, every source non-blocking: Java system properties
 * ({@code aws.accessKeyId}, ...), environment variables ({@code AWS_ACCESS_KEY_ID}, ...), a web identity token
 * ({@link WebIdentityCredentialsProvider}: EKS IRSA), the shared profile files
 * ({@link SharedProfileCredentialsProvider}: static keys, {@code credential_process}, roles), a container endpoint
 * ({@link ContainerCredentialsProvider}: ECS, EKS Pod Identity) and EC2 instance metadata
 * ({@link InstanceMetadataCredentialsProvider}). The first source that answers is remembered; when it stops
 * answering, the chain starts again from the top. The same environment works for cogsync and the AWS SDKs.
 *
 * <p>This is what a {@link dev.cogsync.reactor.CognitoSyncClient} uses when no provider is given.
 */
public final class DefaultCredentialsChain implements CredentialsProvider {

    private final CredentialsProviderChain chain;

    private DefaultCredentialsChain(Builder builder) {
        Map<String, String> environment = builder.environment != null ? builder.environment : System.getenv();
        Clock clock = builder.clock != null ? builder.clock : Clock.systemUTC();
        this.chain = CredentialsProviderChain.of(
                builder.systemProperties == null ? SystemPropertyCredentialsProvider.create()
                        : SystemPropertyCredentialsProvider.create(builder.systemProperties),
                EnvironmentVariableCredentialsProvider.create(environment),
                WebIdentityCredentialsProvider.create(environment, clock),
                SharedProfileCredentialsProvider.of(environment, builder.systemProperties, builder.homeDirectory,
                        builder.profileName, clock),
                ContainerCredentialsProvider.create(environment, clock),
                InstanceMetadataCredentialsProvider.create(environment, clock));
    }

    /**
     * The chain over this process's environment, system properties and home directory.
     *
     * @return the chain
     */
    public static DefaultCredentialsChain create() {
        return builder().build();
    }

    /**
     * A builder, to read another environment (tests, or a child process's).
     *
     * @return a builder of the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        return chain.resolveCredentials();
    }

    @Override
    public String toString() {
        return "DefaultCredentialsChain" + chain.providers();
    }

    /** Builds a {@link DefaultCredentialsChain}; every setting defaults to this process's. */
    public static final class Builder {
        private Map<String, String> environment;
        private Properties systemProperties;
        private Path homeDirectory;
        private String profileName;
        private Clock clock;

        private Builder() {
        }

        /**
         * The environment variables to read instead of {@link System#getenv()}.
         *
         * @param environment the variables
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = environment == null ? null : Map.copyOf(environment);
            return this;
        }

        /**
         * The system properties to read instead of {@link System#getProperties()}.
         *
         * @param properties the properties
         * @return this builder
         */
        public Builder systemProperties(Properties properties) {
            this.systemProperties = properties;
            return this;
        }

        /**
         * The home directory whose {@code .aws} files are read, instead of {@code HOME} or {@code user.home}.
         *
         * @param home the directory
         * @return this builder
         */
        public Builder homeDirectory(Path home) {
            this.homeDirectory = home;
            return this;
        }

        /**
         * The profile to read, instead of {@code AWS_PROFILE} or {@code default}.
         *
         * @param profileName the profile
         * @return this builder
         */
        public Builder profileName(String profileName) {
            this.profileName = profileName;
            return this;
        }

        /**
         * The clock expirations are compared with.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the chain.
         *
         * @return the chain
         */
        public DefaultCredentialsChain build() {
            return new DefaultCredentialsChain(this);
        }
    }
}
