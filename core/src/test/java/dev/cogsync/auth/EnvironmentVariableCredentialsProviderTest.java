package dev.cogsync.auth;

import static dev.cogsync.auth.Stages.failure;
import static dev.cogsync.auth.Stages.isDone;
import static dev.cogsync.auth.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cogsync.exception.CredentialsException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class EnvironmentVariableCredentialsProviderTest {

    private static final String KEY = "AKIDENVIRONMENT";
    private static final String SECRET = "env-secret-d41d8cd9";
    private static final String TOKEN = "env-token-8f00b204";

    private static CompletionStage<AwsCredentials> resolve(Map<String, String> environment) {
        return EnvironmentVariableCredentialsProvider.create(environment).resolveCredentials();
    }

    @Test
    void resolveCredentials_withKeyAndSecret_returnsLongTermCredentials_alreadyComplete() {
        CompletionStage<AwsCredentials> stage =
                resolve(Map.of("AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET));

        assertThat(isDone(stage)).isTrue();
        assertThat(value(stage)).isEqualTo(AwsCredentials.of(KEY, SECRET));
    }

    @Test
    void resolveCredentials_withSessionToken_returnsTemporaryCredentials() {
        AwsCredentials credentials = value(resolve(Map.of(
                "AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET, "AWS_SESSION_TOKEN", TOKEN)));

        assertThat(credentials).isEqualTo(AwsCredentials.of(KEY, SECRET, TOKEN));
    }

    @Test
    void resolveCredentials_trimsValues_andTreatsBlankTokenAsAbsent() {
        AwsCredentials credentials = value(resolve(Map.of(
                "AWS_ACCESS_KEY_ID", " " + KEY + "\n",
                "AWS_SECRET_ACCESS_KEY", "\t" + SECRET,
                "AWS_SESSION_TOKEN", " ")));

        assertThat(credentials).isEqualTo(AwsCredentials.of(KEY, SECRET));
    }

    @Test
    void resolveCredentials_withNothingSet_failsNamingTheKeyVariable() {
        CredentialsException failure = failure(resolve(Map.of("PATH", "/usr/bin")));

        assertThat(failure).hasMessage("environment: AWS_ACCESS_KEY_ID is not set");
    }

    @Test
    void resolveCredentials_withKeyButNoSecret_failsNamingTheMissingVariableButNoValue() {
        CredentialsException failure = failure(resolve(Map.of("AWS_ACCESS_KEY_ID", KEY, "AWS_SESSION_TOKEN", TOKEN)));

        assertThat(failure).hasMessage(
                "environment: AWS_SECRET_ACCESS_KEY is not set (AWS_ACCESS_KEY_ID and AWS_SESSION_TOKEN are set)");
        assertThat(failure.getMessage()).doesNotContain(KEY, TOKEN);
    }

    @Test
    void resolveCredentials_withSecretButNoKey_failsNamingTheMissingVariableButNoSecret() {
        CredentialsException failure = failure(resolve(Map.of("AWS_SECRET_ACCESS_KEY", SECRET)));

        assertThat(failure).hasMessage("environment: AWS_ACCESS_KEY_ID is not set (AWS_SECRET_ACCESS_KEY is set)");
        assertThat(failure.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void resolveCredentials_withEmptyKey_countsItAsNotSet() {
        CredentialsException failure =
                failure(resolve(Map.of("AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", SECRET)));

        assertThat(failure).hasMessageStartingWith("environment: AWS_ACCESS_KEY_ID is not set");
    }

    @Test
    void create_copiesTheEnvironment() {
        HashMap<String, String> environment = new HashMap<>(
                Map.of("AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET));
        EnvironmentVariableCredentialsProvider provider = EnvironmentVariableCredentialsProvider.create(environment);

        environment.clear();

        assertThat(value(provider.resolveCredentials())).isEqualTo(AwsCredentials.of(KEY, SECRET));
    }
}
