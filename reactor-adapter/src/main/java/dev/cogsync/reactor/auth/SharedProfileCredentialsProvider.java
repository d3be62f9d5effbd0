package dev.cogsync.reactor.auth;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.EnvironmentVariableCredentialsProvider;
import dev.cogsync.auth.ProcessCredentialsProvider;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.auth.internal.ProfileLocation;
import dev.cogsync.auth.internal.SharedProfileFiles;
import dev.cogsync.auth.internal.SharedProfileFiles.ProfileProperties;
import dev.cogsync.auth.internal.SystemSettings;
import dev.cogsync.exception.CredentialsException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A profile's credentials from the shared files, whatever their source, as the AWS SDKs read them:
 * <ul>
 *   <li>{@code role_arn} with {@code web_identity_token_file} ({@link WebIdentityCredentialsProvider}), with
 *       {@code source_profile} (that profile's credentials, roles chained up to 4 deep, then
 *       {@link AssumeRoleCredentialsProvider}), or with {@code credential_source} ({@code Environment},
 *       {@code Ec2InstanceMetadata}, {@code EcsContainer}); {@code role_session_name} and {@code external_id}
 *       apply; STS is the regional endpoint of the profile's {@code region} unless the environment says
 *       otherwise;</li>
 *   <li>{@code credential_process}: the command, run off the event loop with a 30 s timeout
 *       ({@link ProcessCredentialsProvider});</li>
 *   <li>static keys: {@code aws_access_key_id}, {@code aws_secret_access_key}, {@code aws_session_token}.</li>
 * </ul>
 * The profile is {@code AWS_PROFILE} (or the {@code aws.profile} property, or {@code default}); the files are
 * {@code AWS_SHARED_CREDENTIALS_FILE} and {@code AWS_CONFIG_FILE}, else {@code .aws/} under {@code HOME}, else
 * under {@code user.home}. The files are read once, off the event loop; SSO profiles are refused with a message
 * naming the property.
 */
public final class SharedProfileCredentialsProvider implements CredentialsProvider {

    private static final int MAX_ROLE_CHAIN = 4;
    private static final Executor BLOCKING = runnable -> Schedulers.boundedElastic().schedule(runnable);

    private final SystemSettings settings;
    private final Function<String, String> environment;
    private final String profileName;
    private final Clock clock;
    private final Mono<CredentialsProvider> delegate;

    private SharedProfileCredentialsProvider(Map<String, String> environment, Properties systemProperties,
                                             Path homeDirectory, String profileName, Clock clock) {
        this.settings = SystemSettings.of(environment, systemProperties, homeDirectory);
        this.environment = environment == null ? System::getenv : Map.copyOf(environment)::get;
        this.profileName = profileName;
        this.clock = clock;
        this.delegate = Mono.fromCallable(this::build).subscribeOn(Schedulers.boundedElastic()).cache();
    }

    /**
     * A provider reading the given settings; {@code null} for any of them means this process's.
     *
     * @param environment the environment variables
     * @param systemProperties the system properties
     * @param homeDirectory the home directory
     * @param profileName the profile
     * @param clock the clock expirations are compared with
     * @return the provider
     */
    public static SharedProfileCredentialsProvider of(Map<String, String> environment, Properties systemProperties,
                                                      Path homeDirectory, String profileName, Clock clock) {
        return new SharedProfileCredentialsProvider(environment, systemProperties, homeDirectory, profileName,
                clock == null ? Clock.systemUTC() : clock);
    }

    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        return delegate.flatMap(provider -> Mono.fromCompletionStage(provider::resolveCredentials)).toFuture();
    }

    /** Blocking: reads the files, on a bounded-elastic thread. */
    private CredentialsProvider build() {
        ProfileLocation location = ProfileLocation.resolve(settings, profileName, null, null);
        return providerFor(location, new HashSet<>());
    }

    private CredentialsProvider providerFor(ProfileLocation location, Set<String> visited) {
        ProfileProperties profile = SharedProfileFiles.loadProperties(location);
        String where = profile.where();
        if (!visited.add(location.profileName()) || visited.size() > MAX_ROLE_CHAIN + 1) {
            throw new CredentialsException(where + ": source_profile makes a loop or a chain deeper than "
                    + MAX_ROLE_CHAIN);
        }
        Optional<String> roleArn = profile.get("role_arn");
        if (roleArn.isPresent()) {
            String region = profile.get("region").orElse(null);
            URI sts = StsEndpoint.resolve(environment, region);
            String sessionName = profile.get("role_session_name").orElse(null);
            Optional<String> tokenFile = profile.get("web_identity_token_file");
            if (tokenFile.isPresent()) {
                return WebIdentityCredentialsProvider.of(tokenFile.get(), roleArn.get(), sessionName, sts, clock);
            }
            CredentialsProvider source = sourceOf(location, profile, visited);
            return AssumeRoleCredentialsProvider.of(source, roleArn.get(), sessionName,
                    profile.get("external_id").orElse(null), sts, StsEndpoint.signingRegion(sts, region), clock);
        }
        Optional<String> process = profile.get("credential_process");
        if (process.isPresent()) {
            return ProcessCredentialsProvider.of(process.get(), BLOCKING, ProcessCredentialsProvider.DEFAULT_TIMEOUT,
                    clock);
        }
        for (String property : profile.properties().keySet()) {
            if (property.startsWith("sso_") && !profile.hasKeyPair()) {
                throw new CredentialsException(where + ": uses " + property
                        + " (IAM Identity Center), which cogsync does not support; use credential_process with "
                        + "'aws configure export-credentials --format process'");
            }
        }
        return StaticCredentialsProvider.create(profile.staticCredentials());
    }

    private CredentialsProvider sourceOf(ProfileLocation location, ProfileProperties profile, Set<String> visited) {
        Optional<String> sourceProfile = profile.get("source_profile");
        if (sourceProfile.isPresent()) {
            if (sourceProfile.get().equals(location.profileName()) && profile.hasKeyPair()) {
                return StaticCredentialsProvider.create(profile.staticCredentials());
            }
            return providerFor(new ProfileLocation(sourceProfile.get(), location.credentialsFile(),
                    location.configFile()), visited);
        }
        Optional<String> credentialSource = profile.get("credential_source");
        if (credentialSource.isPresent()) {
            Map<String, String> env = environmentMap();
            return switch (credentialSource.get()) {
                case "Environment" -> EnvironmentVariableCredentialsProvider.create(env);
                case "Ec2InstanceMetadata" -> InstanceMetadataCredentialsProvider.create(env, clock);
                case "EcsContainer" -> ContainerCredentialsProvider.create(env, clock);
                default -> throw new CredentialsException(profile.where() + ": credential_source "
                        + credentialSource.get() + " is not one of Environment, Ec2InstanceMetadata, EcsContainer");
            };
        }
        throw new CredentialsException(profile.where() + ": role_arn needs source_profile, credential_source or "
                + "web_identity_token_file");
    }

    private Map<String, String> environmentMap() {
        Map<String, String> env = new java.util.HashMap<>();
        for (String name : new String[]{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                "AWS_EC2_METADATA_SERVICE_ENDPOINT", "AWS_EC2_METADATA_DISABLED",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"}) {
            String value = environment.apply(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return env;
    }

    @Override
    public String toString() {
        return "SharedProfileCredentialsProvider" + (profileName == null ? "" : "[profile=" + profileName + "]");
    }
}
