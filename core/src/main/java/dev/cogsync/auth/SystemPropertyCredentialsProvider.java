package dev.cogsync.auth;

import dev.cogsync.auth.internal.CredentialKeyNames;
import dev.cogsync.auth.internal.SystemSettings;
import dev.cogsync.exception.CredentialsException;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Provides credentials from the system properties {@code aws.accessKeyId}, {@code aws.secretAccessKey} and,
 * for temporary credentials, {@code aws.sessionToken}. The AWS SDK for Java 1.x spelling
 * {@code aws.secretKey} is accepted when {@code aws.secretAccessKey} is not set.
 *
 * <p>The properties are read on every resolution, on the caller's thread, so a property set at run time is
 * seen by the next resolution; the returned stage is always already complete. Values are trimmed, and a
 * blank value counts as not set. When the key id or the secret key is missing, the stage fails with a
 * {@link CredentialsException} such as {@code system properties: aws.accessKeyId is not set}, which names the
 * missing property and which ones are set, never a value.
 */
public final class SystemPropertyCredentialsProvider implements CredentialsProvider {

    /** How this source is named in messages, also in the aggregated message of a chain. */
    private static final String SOURCE = "system properties";

    private final SystemSettings settings;

    private SystemPropertyCredentialsProvider(SystemSettings settings) {
        this.settings = settings;
    }

    /**
     * Creates a provider that reads this JVM's system properties.
     *
     * @return the provider
     */
    public static SystemPropertyCredentialsProvider create() {
        return new SystemPropertyCredentialsProvider(SystemSettings.of(null, null, null));
    }

    /**
     * Creates a provider that reads the given properties instead of the system properties; for tests.
     *
     * @param systemProperties the properties; not copied, read at every resolution like system properties
     * @return the provider
     * @throws NullPointerException when {@code systemProperties} is {@code null}
     */
    public static SystemPropertyCredentialsProvider create(Properties systemProperties) {
        Objects.requireNonNull(systemProperties, "systemProperties");
        return new SystemPropertyCredentialsProvider(SystemSettings.of(null, systemProperties, null));
    }

    /**
     * Reads the properties.
     *
     * @return an already completed stage: the credentials, or a {@link CredentialsException} naming the
     *     missing property
     */
    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        try {
            return CompletableFuture.completedFuture(
                    CredentialKeyNames.SYSTEM_PROPERTIES.read(SOURCE, settings::systemProperty));
        } catch (CredentialsException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String toString() {
        return "SystemPropertyCredentialsProvider";
    }
}
