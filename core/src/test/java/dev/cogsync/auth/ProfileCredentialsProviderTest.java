package dev.cogsync.auth;

import static dev.cogsync.auth.Stages.failure;
import static dev.cogsync.auth.Stages.isDone;
import static dev.cogsync.auth.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cogsync.exception.CredentialsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileCredentialsProviderTest {

    private static final String SECRET = "profile-secret-5eb63bbb";
    private static final String TOKEN = "profile-token-e0fb1c4a";
    private static final String CONFIG_SECRET = "config-secret-7d793037";

    @TempDir
    Path home;

    private Path credentialsFile;
    private Path configFile;
    private ManualExecutor executor;

    @BeforeEach
    void setUp() {
        credentialsFile = home.resolve(".aws").resolve("credentials");
        configFile = home.resolve(".aws").resolve("config");
        executor = new ManualExecutor();
    }

    /** A builder that sees only the test's home, environment and properties, never the machine's. */
    private ProfileCredentialsProvider.Builder isolated() {
        return ProfileCredentialsProvider.builder()
                .homeDirectory(home)
                .environment(Map.of())
                .systemProperties(new Properties())
                .executor(executor);
    }

    /** Resolves once and runs the read, as the executor would. */
    private CompletionStage<AwsCredentials> resolve(ProfileCredentialsProvider.Builder builder) throws Exception {
        CompletionStage<AwsCredentials> stage = builder.build().resolveCredentials();
        executor.runAll();
        return stage;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private static String keys(String keyId) {
        return "aws_access_key_id = " + keyId + "\naws_secret_access_key = " + SECRET + "\n";
    }

    private static void assertNoSecret(Throwable failure) {
        assertThat(failure.getMessage()).doesNotContain(SECRET, TOKEN, CONFIG_SECRET);
        assertThat(failure.toString()).doesNotContain(SECRET, TOKEN, CONFIG_SECRET);
    }

    @Test
    void resolveCredentials_readsTheDefaultProfileOfTheCredentialsFile() throws Exception {
        write(credentialsFile, "[default]\n" + keys("AKIDDEFAULT"));

        assertThat(value(resolve(isolated()))).isEqualTo(AwsCredentials.of("AKIDDEFAULT", SECRET));
    }

    @Test
    void resolveCredentials_readsTheSessionToken() throws Exception {
        write(credentialsFile, "[default]\n" + keys("AKIDTEMP") + "aws_session_token = " + TOKEN + "\n");

        assertThat(value(resolve(isolated()))).isEqualTo(AwsCredentials.of("AKIDTEMP", SECRET, TOKEN));
    }

    @Test
    void resolveCredentials_profileName_builderThenPropertyThenEnvironmentThenDefault() throws Exception {
        write(credentialsFile, "[default]\n" + keys("AKIDDEFAULT") + "[env]\n" + keys("AKIDENV")
                + "[prop]\n" + keys("AKIDPROP") + "[explicit]\n" + keys("AKIDEXPLICIT"));
        Map<String, String> env = Map.of("AWS_PROFILE", "env");
        Properties props = properties("aws.profile", "prop");

        assertThat(value(resolve(isolated().environment(env).systemProperties(props).profileName("explicit")))
                .accessKeyId()).isEqualTo("AKIDEXPLICIT");
        assertThat(value(resolve(isolated().environment(env).systemProperties(props))).accessKeyId())
                .isEqualTo("AKIDPROP");
        assertThat(value(resolve(isolated().environment(env))).accessKeyId()).isEqualTo("AKIDENV");
        assertThat(value(resolve(isolated())).accessKeyId()).isEqualTo("AKIDDEFAULT");
    }

    @Test
    void resolveCredentials_withNeitherFile_failsNamingBothFilesAsNotFound() throws Exception {
        CredentialsException failure = failure(resolve(isolated()));

        assertThat(failure).hasMessage("profile 'default' in " + credentialsFile + " (not found), "
                + configFile + " (not found): no such profile");
    }

    @Test
    void resolveCredentials_withOnlyTheConfigFile_readsIt() throws Exception {
        write(configFile, "[profile dev]\n" + keys("AKIDCONFIG") + "region = eu-west-1\n");

        assertThat(value(resolve(isolated().profileName("dev")))).isEqualTo(AwsCredentials.of("AKIDCONFIG", SECRET));
    }

    @Test
    void resolveCredentials_configFile_acceptsDefaultWithAndWithoutPrefix() throws Exception {
        write(configFile, "[default]\n" + keys("AKIDBARE"));
        assertThat(value(resolve(isolated())).accessKeyId()).isEqualTo("AKIDBARE");

        write(configFile, "[profile default]\n" + keys("AKIDPREFIXED"));
        assertThat(value(resolve(isolated())).accessKeyId()).isEqualTo("AKIDPREFIXED");
    }

    @Test
    void resolveCredentials_configFileSectionWithoutPrefix_isNotAProfile_andTheMessageSaysHowToWriteIt()
            throws Exception {
        write(configFile, "[dev]\n" + keys("AKIDWRONG"));

        CredentialsException failure = failure(resolve(isolated().profileName("dev")));

        assertThat(failure.getMessage())
                .startsWith("profile 'dev' in " + credentialsFile + " (not found), " + configFile + ": no such profile")
                .contains(configFile + " has [dev], which a config file ignores; write it as [profile dev]");
        assertNoSecret(failure);
    }

    @Test
    void resolveCredentials_credentialsFileSectionWithPrefix_isNotAProfile_andTheMessageSaysHowToWriteIt()
            throws Exception {
        write(credentialsFile, "[profile dev]\n" + keys("AKIDWRONG"));

        CredentialsException failure = failure(resolve(isolated().profileName("dev")));

        assertThat(failure.getMessage())
                .contains(": no such profile")
                .contains(credentialsFile + " has [profile dev], which a credentials file ignores; write it as [dev]");
    }

    @Test
    void resolveCredentials_credentialsFileWinsOverConfigFile_propertyByProperty() throws Exception {
        write(credentialsFile, "[dev]\naws_access_key_id = AKIDFROMCREDENTIALS\n");
        write(configFile, "[profile dev]\naws_access_key_id = AKIDFROMCONFIG\naws_secret_access_key = "
                + CONFIG_SECRET + "\naws_session_token = " + TOKEN + "\n");

        AwsCredentials credentials = value(resolve(isolated().profileName("dev")));

        assertThat(credentials).isEqualTo(AwsCredentials.of("AKIDFROMCREDENTIALS", CONFIG_SECRET, TOKEN));
    }

    @Test
    void resolveCredentials_filesFromEnvironmentVariables() throws Exception {
        Path custom = home.resolve("custom");
        write(custom.resolve("creds"), "[default]\naws_access_key_id = AKIDENVFILE\n");
        write(custom.resolve("conf"), "[default]\naws_secret_access_key = " + SECRET + "\n");
        write(credentialsFile, "[default]\n" + keys("AKIDDEFAULTFILE"));

        AwsCredentials credentials = value(resolve(isolated().environment(Map.of(
                "AWS_SHARED_CREDENTIALS_FILE", custom.resolve("creds").toString(),
                "AWS_CONFIG_FILE", custom.resolve("conf").toString()))));

        assertThat(credentials).isEqualTo(AwsCredentials.of("AKIDENVFILE", SECRET));
    }

    @Test
    void resolveCredentials_filesFromSystemProperties_winOverEnvironmentVariables() throws Exception {
        write(home.resolve("env-creds"), "[default]\n" + keys("AKIDENVFILE"));
        write(home.resolve("prop-creds"), "[default]\naws_access_key_id = AKIDPROPFILE\n");
        write(home.resolve("prop-conf"), "[default]\naws_secret_access_key = " + SECRET + "\n");

        AwsCredentials credentials = value(resolve(isolated()
                .environment(Map.of("AWS_SHARED_CREDENTIALS_FILE", home.resolve("env-creds").toString()))
                .systemProperties(properties(
                        "aws.sharedCredentialsFile", home.resolve("prop-creds").toString(),
                        "aws.configFile", home.resolve("prop-conf").toString()))));

        assertThat(credentials).isEqualTo(AwsCredentials.of("AKIDPROPFILE", SECRET));
    }

    @Test
    void resolveCredentials_filesFromTheBuilder_winOverSettings() throws Exception {
        write(home.resolve("prop-creds"), "[default]\n" + keys("AKIDPROPFILE"));
        write(home.resolve("builder-creds"), "[default]\n" + keys("AKIDBUILDERFILE"));

        AwsCredentials credentials = value(resolve(isolated()
                .systemProperties(properties("aws.sharedCredentialsFile", home.resolve("prop-creds").toString()))
                .credentialsFile(home.resolve("builder-creds"))
                .configFile(home.resolve("no-such-config"))));

        assertThat(credentials.accessKeyId()).isEqualTo("AKIDBUILDERFILE");
    }

    @Test
    void resolveCredentials_expandsTildeInFileSettings() throws Exception {
        write(home.resolve("elsewhere").resolve("creds"), "[default]\n" + keys("AKIDTILDE"));

        AwsCredentials credentials = value(resolve(isolated().environment(Map.of(
                "AWS_SHARED_CREDENTIALS_FILE", "~/elsewhere/creds", "AWS_CONFIG_FILE", "~/elsewhere/conf"))));

        assertThat(credentials.accessKeyId()).isEqualTo("AKIDTILDE");
    }

    @Test
    void resolveCredentials_handlesCommentsContinuationsAndSubProperties() throws Exception {
        write(configFile, "# written by hand\n"
                + "[profile dev] ; the dev account\n"
                + "; a full-line comment\n"
                + "s3 =\n"
                + "  max_concurrent_requests = 10\n"
                + "  aws_access_key_id = AKIDNESTED\n"
                + "aws_access_key_id   =   AKIDCOMMENTED   # the key\n"
                + "  # an indented comment\n"
                + "aws_secret_access_key=" + SECRET + "\t; the secret\n"
                + "region = eu-west-1\n");

        AwsCredentials credentials = value(resolve(isolated().profileName("dev")));

        assertThat(credentials).isEqualTo(AwsCredentials.of("AKIDCOMMENTED", SECRET));
    }

    @Test
    void resolveCredentials_readsCrlfFiles() throws Exception {
        write(credentialsFile, "[default]\r\naws_access_key_id = AKIDCRLF\r\naws_secret_access_key = " + SECRET
                + "\r\naws_session_token = " + TOKEN + "\r\n");

        assertThat(value(resolve(isolated()))).isEqualTo(AwsCredentials.of("AKIDCRLF", SECRET, TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "role_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = default",
        "credential_process = /usr/local/bin/get-credentials",
        "sso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Dev",
        "sso_start_url = https://corp.awsapps.com/start",
        "web_identity_token_file = /var/run/token\nrole_arn = arn:aws:iam::123456789012:role/dev",
    })
    void resolveCredentials_profileWithAnUnsupportedSource_failsNamingTheProperty(String properties) throws Exception {
        write(configFile, "[profile dev]\n" + properties + "\n");
        String trigger = properties.substring(0, properties.indexOf(' '));

        CredentialsException failure = failure(resolve(isolated().profileName("dev")));

        assertThat(failure.getMessage())
                .startsWith("profile 'dev' in ")
                .contains("uses ")
                .contains(trigger)
                .contains("which this provider does not read");
    }

    @Test
    void resolveCredentials_unsupportedSourceNextToStaticKeys_usesTheStaticKeys() throws Exception {
        write(credentialsFile, "[dev]\n" + keys("AKIDSTATIC") + "role_arn = arn:aws:iam::123456789012:role/dev\n");

        assertThat(value(resolve(isolated().profileName("dev"))).accessKeyId()).isEqualTo("AKIDSTATIC");
    }

    @Test
    void resolveCredentials_withKeyButNoSecret_failsNamingTheMissingPropertyAndNoValue() throws Exception {
        write(credentialsFile, "[default]\naws_access_key_id = AKIDPARTIAL\naws_session_token = " + TOKEN + "\n");

        CredentialsException failure = failure(resolve(isolated()));

        assertThat(failure).hasMessage("profile 'default' in " + credentialsFile + ", " + configFile
                + " (not found): aws_secret_access_key is not set (aws_access_key_id and aws_session_token are set)");
        assertThat(failure.getMessage()).doesNotContain("AKIDPARTIAL");
        assertNoSecret(failure);
    }

    @Test
    void resolveCredentials_withSecretButNoKey_failsWithoutTheSecret() throws Exception {
        write(credentialsFile, "[default]\naws_secret_access_key = " + SECRET + "\n");

        CredentialsException failure = failure(resolve(isolated()));

        assertThat(failure.getMessage()).endsWith(": aws_access_key_id is not set (aws_secret_access_key is set)");
        assertNoSecret(failure);
    }

    @Test
    void resolveCredentials_profileWithoutAnyKey_failsNamingTheKeyProperty() throws Exception {
        write(configFile, "[default]\nregion = eu-west-1\n");

        assertThat(failure(resolve(isolated())).getMessage()).endsWith(": aws_access_key_id is not set");
    }

    @Test
    void resolveCredentials_whenTheCredentialsFileIsADirectory_failsClearly() throws Exception {
        Files.createDirectories(credentialsFile);
        write(configFile, "[default]\n" + keys("AKIDCONFIG"));

        CredentialsException failure = failure(resolve(isolated()));

        assertThat(failure.getMessage())
                .startsWith("profile 'default' in ")
                .endsWith(credentialsFile + ": is a directory, not a credentials file");
    }

    @Test
    void resolveCredentials_whenAFileIsNotUtf8_failsClearly() throws Exception {
        Files.createDirectories(configFile.getParent());
        // 0xC3 0x28 is not a valid UTF-8 sequence.
        Files.write(configFile, new byte[] {'[', 'd', 'e', 'f', 'a', 'u', 'l', 't', ']', '\n', (byte) 0xC3, 0x28});

        CredentialsException failure = failure(resolve(isolated()));

        assertThat(failure.getMessage()).endsWith(configFile + ": cannot be read: not valid UTF-8");
    }

    @Test
    void resolveCredentials_whenAFileIsMalformed_namesTheFileAndLineButNotTheContent() throws Exception {
        write(credentialsFile, "[default]\naws_access_key_id = AKIDOK\n" + SECRET + "\n");

        CredentialsException failure = failure(resolve(isolated()));

        assertThat(failure.getMessage()).endsWith(credentialsFile + ", line 3: expected 'name = value'");
        assertNoSecret(failure);
    }

    @Test
    void resolveCredentials_readsTheFilesOnTheExecutor_notOnTheCallingThread() throws Exception {
        ProfileCredentialsProvider provider = isolated().build();

        CompletionStage<AwsCredentials> stage = provider.resolveCredentials();
        // The file is written after the call: if the call had read it, it would have found nothing.
        write(credentialsFile, "[default]\n" + keys("AKIDLATE"));
        assertThat(isDone(stage)).isFalse();
        String[] completedOn = new String[1];
        stage.whenComplete((credentials, failure) -> completedOn[0] = Thread.currentThread().getName());

        executor.runAllOn("profile-reader");

        assertThat(value(stage).accessKeyId()).isEqualTo("AKIDLATE");
        assertThat(executor.threadsThatRanTasks()).containsExactly("profile-reader");
        assertThat(completedOn[0]).isEqualTo("profile-reader");
    }

    @Test
    void resolveCredentials_afterTheFirstRead_isAlreadyCompleteAndDoesNotReadAgain() throws Exception {
        write(credentialsFile, "[default]\n" + keys("AKIDFIRST"));
        ProfileCredentialsProvider provider = isolated().build();
        value(runFirstRead(provider));

        write(credentialsFile, "[default]\n" + keys("AKIDCHANGED"));
        CompletionStage<AwsCredentials> second = provider.resolveCredentials();

        assertThat(isDone(second)).isTrue();
        assertThat(executor.pending()).isZero();
        assertThat(value(second).accessKeyId()).isEqualTo("AKIDFIRST");
    }

    @Test
    void resolveCredentials_cachesAFailureToo() throws Exception {
        ProfileCredentialsProvider provider = isolated().build();
        failure(runFirstRead(provider));

        write(credentialsFile, "[default]\n" + keys("AKIDTOOLATE"));
        CompletionStage<AwsCredentials> second = provider.resolveCredentials();

        assertThat(isDone(second)).isTrue();
        assertThat(failure(second)).hasMessageEndingWith("no such profile");
    }

    @Test
    void refresh_readsTheFilesAgain_onTheExecutor() throws Exception {
        write(credentialsFile, "[default]\n" + keys("AKIDFIRST"));
        ProfileCredentialsProvider provider = isolated().build();
        value(runFirstRead(provider));
        write(credentialsFile, "[default]\n" + keys("AKIDROTATED"));

        CompletionStage<AwsCredentials> refreshed = provider.refresh();

        assertThat(executor.pending()).isEqualTo(1);
        assertThat(value(provider.resolveCredentials()).accessKeyId()).isEqualTo("AKIDFIRST");
        executor.runAll();
        assertThat(value(refreshed).accessKeyId()).isEqualTo("AKIDROTATED");
        assertThat(value(provider.resolveCredentials()).accessKeyId()).isEqualTo("AKIDROTATED");
    }

    @Test
    void toBuilder_buildsAProviderWithTheSameSettings() throws Exception {
        write(credentialsFile, "[dev]\n" + keys("AKIDDEV"));
        ProfileCredentialsProvider original = isolated().profileName("dev").build();

        ProfileCredentialsProvider copy = original.toBuilder().build();

        assertThat(copy.toString()).isEqualTo(original.toString()).isEqualTo("ProfileCredentialsProvider[profile=dev]");
        CompletionStage<AwsCredentials> stage = copy.resolveCredentials();
        executor.runAll();
        assertThat(value(stage).accessKeyId()).isEqualTo("AKIDDEV");
    }

    private CompletionStage<AwsCredentials> runFirstRead(ProfileCredentialsProvider provider) throws Exception {
        CompletionStage<AwsCredentials> first = provider.resolveCredentials();
        executor.runAll();
        return first;
    }
}
