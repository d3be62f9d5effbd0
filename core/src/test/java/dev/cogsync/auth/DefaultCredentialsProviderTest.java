package dev.cogsync.auth;

import static dev.cogsync.auth.Stages.failure;
import static dev.cogsync.auth.Stages.isDone;
import static dev.cogsync.auth.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cogsync.exception.CredentialsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultCredentialsProviderTest {

    private static final String PROPERTY_SECRET = "prop-secret-a1b2c3d4";
    private static final String ENV_SECRET = "env-secret-e5f6a7b8";
    private static final String ENV_TOKEN = "env-token-c9d0e1f2";
    private static final String PROFILE_SECRET = "profile-secret-13579bdf";
    private static final String PROFILE_TOKEN = "profile-token-2468ace0";

    private static final Map<String, String> ALL_ENVIRONMENT = Map.of(
            "AWS_ACCESS_KEY_ID", "AKIDENVIRONMENT",
            "AWS_SECRET_ACCESS_KEY", ENV_SECRET,
            "AWS_SESSION_TOKEN", ENV_TOKEN);

    @TempDir
    Path home;

    private Path credentialsFile;
    private ManualExecutor executor;

    @BeforeEach
    void setUp() {
        credentialsFile = home.resolve(".aws").resolve("credentials");
        executor = new ManualExecutor();
    }

    private DefaultCredentialsProvider.Builder isolated(Map<String, String> environment, Properties properties) {
        return DefaultCredentialsProvider.builder()
                .homeDirectory(home)
                .environment(environment)
                .systemProperties(properties)
                .executor(executor);
    }

    private CompletionStage<AwsCredentials> resolve(DefaultCredentialsProvider provider) throws Exception {
        CompletionStage<AwsCredentials> stage = provider.resolveCredentials();
        executor.runAll();
        return stage;
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private void writeProfile(String section, String body) throws IOException {
        Files.createDirectories(credentialsFile.getParent());
        Files.writeString(credentialsFile, "[" + section + "]\n" + body);
    }

    @Test
    void resolveCredentials_systemPropertiesWinOverEnvironmentAndProfile() throws Exception {
        writeProfile("default", "aws_access_key_id = AKIDPROFILE\naws_secret_access_key = " + PROFILE_SECRET + "\n");

        AwsCredentials credentials = value(resolve(isolated(ALL_ENVIRONMENT, properties(
                "aws.accessKeyId", "AKIDPROPERTY", "aws.secretAccessKey", PROPERTY_SECRET)).build()));

        assertThat(credentials).isEqualTo(AwsCredentials.of("AKIDPROPERTY", PROPERTY_SECRET));
        assertThat(executor.threadsThatRanTasks()).as("the profile files are not read").isEmpty();
    }

    @Test
    void resolveCredentials_environmentWinsOverProfile() throws Exception {
        writeProfile("default", "aws_access_key_id = AKIDPROFILE\naws_secret_access_key = " + PROFILE_SECRET + "\n");

        AwsCredentials credentials = value(resolve(isolated(ALL_ENVIRONMENT, properties()).build()));

        assertThat(credentials).isEqualTo(AwsCredentials.of("AKIDENVIRONMENT", ENV_SECRET, ENV_TOKEN));
    }

    @Test
    void resolveCredentials_fallsBackToTheProfile_readOnTheExecutor() throws Exception {
        writeProfile("default", "aws_access_key_id = AKIDPROFILE\naws_secret_access_key = " + PROFILE_SECRET
                + "\naws_session_token = " + PROFILE_TOKEN + "\n");
        DefaultCredentialsProvider provider = isolated(Map.of(), properties()).build();

        CompletionStage<AwsCredentials> first = provider.resolveCredentials();
        assertThat(isDone(first)).isFalse();
        executor.runAllOn("profile-reader");

        assertThat(value(first)).isEqualTo(AwsCredentials.of("AKIDPROFILE", PROFILE_SECRET, PROFILE_TOKEN));
        assertThat(executor.threadsThatRanTasks()).containsExactly("profile-reader");
        CompletionStage<AwsCredentials> second = provider.resolveCredentials();
        assertThat(isDone(second)).isTrue();
        assertThat(value(second).accessKeyId()).isEqualTo("AKIDPROFILE");
    }

    @Test
    void resolveCredentials_profileSelection_reachesTheProfileSource() throws Exception {
        writeProfile("from-env", "aws_access_key_id = AKIDFROMENV\naws_secret_access_key = " + PROFILE_SECRET + "\n");
        Files.writeString(credentialsFile, "[explicit]\naws_access_key_id = AKIDEXPLICIT\naws_secret_access_key = "
                + PROFILE_SECRET + "\n", StandardOpenOption.APPEND);

        assertThat(value(resolve(isolated(Map.of("AWS_PROFILE", "from-env"), properties()).build())).accessKeyId())
                .isEqualTo("AKIDFROMENV");
        assertThat(value(resolve(isolated(Map.of("AWS_PROFILE", "from-env"), properties())
                .profileName("explicit").build())).accessKeyId())
                .isEqualTo("AKIDEXPLICIT");
    }

    @Test
    void resolveCredentials_whenNothingIsFound_listsEverySourceAndWhy() throws Exception {
        CredentialsException failure = failure(resolve(isolated(Map.of(), properties()).build()));

        assertThat(failure).hasMessage("Unable to load AWS credentials from any source: ["
                + "system properties: aws.accessKeyId is not set, "
                + "environment: AWS_ACCESS_KEY_ID is not set, "
                + "profile 'default' in " + credentialsFile + " (not found), " + home.resolve(".aws").resolve("config")
                + " (not found): no such profile]");
    }

    @Test
    void resolveCredentials_whenEverySourceIsPartial_namesEachSourceButNoSecret() throws Exception {
        writeProfile("default",
                "aws_secret_access_key = " + PROFILE_SECRET + "\naws_session_token = " + PROFILE_TOKEN + "\n");
        DefaultCredentialsProvider provider = isolated(
                Map.of("AWS_SECRET_ACCESS_KEY", ENV_SECRET, "AWS_SESSION_TOKEN", ENV_TOKEN),
                properties("aws.secretAccessKey", PROPERTY_SECRET)).build();

        CredentialsException failure = failure(resolve(provider));

        assertThat(failure.getMessage())
                .startsWith("Unable to load AWS credentials from any source: [")
                .contains("system properties: aws.accessKeyId is not set (aws.secretAccessKey is set)")
                .contains("environment: AWS_ACCESS_KEY_ID is not set "
                        + "(AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN are set)")
                .contains("profile 'default' in " + credentialsFile + ", ")
                .contains(": aws_access_key_id is not set (aws_secret_access_key and aws_session_token are set)");
        String[] secrets = {PROPERTY_SECRET, ENV_SECRET, ENV_TOKEN, PROFILE_SECRET, PROFILE_TOKEN};
        assertThat(failure.getMessage()).doesNotContain(secrets);
        assertThat(failure.toString()).doesNotContain(secrets);
        for (Throwable suppressed : failure.getSuppressed()) {
            assertThat(suppressed.toString()).doesNotContain(secrets);
        }
        assertThat(provider.toString()).doesNotContain(secrets);
    }

    @Test
    void resolveCredentials_withAnUnsupportedProfile_saysSoInTheAggregatedMessage() throws Exception {
        writeProfile("default", "credential_process = /usr/local/bin/creds\n");

        CredentialsException failure = failure(resolve(isolated(Map.of(), properties()).build()));

        assertThat(failure.getMessage()).contains("uses credential_process, which this provider does not read");
    }

    @Test
    void refresh_readsTheProfileFilesAgain() throws Exception {
        writeProfile("default", "aws_access_key_id = AKIDFIRST\naws_secret_access_key = " + PROFILE_SECRET + "\n");
        DefaultCredentialsProvider provider = isolated(Map.of(), properties()).build();
        value(resolve(provider));
        writeProfile("default", "aws_access_key_id = AKIDROTATED\naws_secret_access_key = " + PROFILE_SECRET + "\n");

        CompletionStage<AwsCredentials> refreshed = provider.refresh();
        executor.runAll();

        assertThat(value(refreshed).accessKeyId()).isEqualTo("AKIDROTATED");
        assertThat(value(provider.resolveCredentials()).accessKeyId()).isEqualTo("AKIDROTATED");
    }

    @Test
    void toBuilder_keepsTheSettings() throws Exception {
        DefaultCredentialsProvider original = isolated(ALL_ENVIRONMENT, properties()).build();

        DefaultCredentialsProvider copy = original.toBuilder().build();

        assertThat(value(resolve(copy)).accessKeyId()).isEqualTo("AKIDENVIRONMENT");
        assertThat(copy).hasToString("DefaultCredentialsProvider[SystemPropertyCredentialsProvider, "
                + "EnvironmentVariableCredentialsProvider, ProfileCredentialsProvider]");
    }
}
