package dev.cogsync.auth;

import dev.cogsync.auth.internal.CredentialKeyNames;
import dev.cogsync.auth.internal.SystemSettings;
import dev.cogsync.exception.CredentialsException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Provides credentials from the environment variables {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}
 * and, for temporary credentials, {@code AWS_SESSION_TOKEN}.
 *
 * <p>The variables are read on every resolution, on the caller's thread: that is a map lookup and never
 * blocks. The returned stage is always already complete. Values are trimmed, and a blank value counts as not
 * set. When the key id or the secret key is missing, the stage fails with a
 * {@link CredentialsException} such as {@code environment: AWS_ACCESS_KEY_ID is not set}, which names the
 * missing variable and which ones are set, never a value.
 */
public final class EnvironmentVariableCredentialsProvider implements CredentialsProvider {

    /** How this source is named in messages, also in the aggregated message of a chain. */
    private static final String SOURCE = "environment";

    private final SystemSettings settings;

    private EnvironmentVariableCredentialsProvider(SystemSettings settings) {
        this.settings = settings;
    }

    /**
     * Creates a provider that reads this process's environment, {@link System#getenv()}.
     *
     * @return the provider
     */
    public static EnvironmentVariableCredentialsProvider create() {
        return new EnvironmentVariableCredentialsProvider(SystemSettings.of(null, null, null));
    }

    /**
     * Creates a provider that reads the given variables instead of the process environment; for tests.
     *
     * @param environment the environment variables; copied
     * @return the provider
     * @throws NullPointerException when {@code environment} is {@code null} or has {@code null} keys or values
     */
    public static EnvironmentVariableCredentialsProvider create(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        return new EnvironmentVariableCredentialsProvider(SystemSettings.of(environment, null, null));
    }

    /**
     * Reads the variables.
     *
     * @return an already completed stage: the credentials, or a {@link CredentialsException} naming the
     *     missing variable
     */
    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        try {
            return CompletableFuture.completedFuture(
                    CredentialKeyNames.ENVIRONMENT.read(SOURCE, settings::environmentVariable));
        } catch (CredentialsException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String toString() {
        return "EnvironmentVariableCredentialsProvider";
    }
}
