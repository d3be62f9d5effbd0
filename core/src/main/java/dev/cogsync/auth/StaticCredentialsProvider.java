package dev.cogsync.auth;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Provides credentials fixed in code, for tests and for applications that obtain credentials elsewhere.
 *
 * <p>Resolution never fails and returns an already completed stage, a new one for each caller.
 */
public final class StaticCredentialsProvider implements CredentialsProvider {

    private final AwsCredentials credentials;

    private StaticCredentialsProvider(AwsCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Creates a provider that always returns these credentials.
     *
     * @param credentials the credentials
     * @return the provider
     * @throws NullPointerException when {@code credentials} is {@code null}
     */
    public static StaticCredentialsProvider create(AwsCredentials credentials) {
        return new StaticCredentialsProvider(credentials);
    }

    /**
     * Returns the credentials given at creation.
     *
     * @return an already completed stage
     */
    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        return CompletableFuture.completedFuture(credentials);
    }

    /** Shows the access key id only, as {@link AwsCredentials#toString()} does. */
    @Override
    public String toString() {
        return "StaticCredentialsProvider[" + credentials + "]";
    }
}
