package dev.cogsync.auth;

import static dev.cogsync.auth.Stages.failure;
import static dev.cogsync.auth.Stages.isDone;
import static dev.cogsync.auth.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cogsync.exception.CredentialsException;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class SystemPropertyCredentialsProviderTest {

    private static final String KEY = "AKIDPROPERTY";
    private static final String SECRET = "prop-secret-1c8a7e93";
    private static final String LEGACY_SECRET = "prop-legacy-secret-52bf";
    private static final String TOKEN = "prop-token-0be7c1d2";

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private static CompletionStage<AwsCredentials> resolve(Properties properties) {
        return SystemPropertyCredentialsProvider.create(properties).resolveCredentials();
    }

    @Test
    void resolveCredentials_withKeyAndSecret_returnsCredentials_alreadyComplete() {
        CompletionStage<AwsCredentials> stage =
                resolve(properties("aws.accessKeyId", KEY, "aws.secretAccessKey", SECRET));

        assertThat(isDone(stage)).isTrue();
        assertThat(value(stage)).isEqualTo(AwsCredentials.of(KEY, SECRET));
    }

    @Test
    void resolveCredentials_withSessionToken_returnsTemporaryCredentials() {
        AwsCredentials credentials = value(resolve(properties(
                "aws.accessKeyId", KEY, "aws.secretAccessKey", SECRET, "aws.sessionToken", TOKEN)));

        assertThat(credentials).isEqualTo(AwsCredentials.of(KEY, SECRET, TOKEN));
    }

    @Test
    void resolveCredentials_acceptsTheLegacySecretKeyProperty() {
        AwsCredentials credentials = value(resolve(properties("aws.accessKeyId", KEY, "aws.secretKey", LEGACY_SECRET)));

        assertThat(credentials).isEqualTo(AwsCredentials.of(KEY, LEGACY_SECRET));
    }

    @Test
    void resolveCredentials_prefersSecretAccessKeyOverTheLegacyName() {
        AwsCredentials credentials = value(resolve(properties(
                "aws.accessKeyId", KEY, "aws.secretAccessKey", SECRET, "aws.secretKey", LEGACY_SECRET)));

        assertThat(credentials.secretAccessKey()).isEqualTo(SECRET);
    }

    @Test
    void resolveCredentials_readsThePropertiesAtEachResolution() {
        Properties properties = properties();
        SystemPropertyCredentialsProvider provider = SystemPropertyCredentialsProvider.create(properties);
        failure(provider.resolveCredentials());

        properties.setProperty("aws.accessKeyId", KEY);
        properties.setProperty("aws.secretAccessKey", SECRET);

        assertThat(value(provider.resolveCredentials())).isEqualTo(AwsCredentials.of(KEY, SECRET));
    }

    @Test
    void resolveCredentials_withNothingSet_failsNamingTheKeyProperty() {
        assertThat(failure(resolve(properties()))).hasMessage("system properties: aws.accessKeyId is not set");
    }

    @Test
    void resolveCredentials_withKeyButNoSecret_failsNamingTheMissingPropertyButNoValue() {
        CredentialsException failure = failure(resolve(properties("aws.accessKeyId", KEY)));

        assertThat(failure).hasMessage("system properties: aws.secretAccessKey is not set (aws.accessKeyId is set)");
        assertThat(failure.getMessage()).doesNotContain(KEY);
    }

    @Test
    void resolveCredentials_withLegacySecretButNoKey_failsWithoutTheSecret() {
        CredentialsException failure = failure(resolve(properties("aws.secretKey", LEGACY_SECRET)));

        assertThat(failure).hasMessage("system properties: aws.accessKeyId is not set (aws.secretKey is set)");
        assertThat(failure.getMessage()).doesNotContain(LEGACY_SECRET);
    }
}
