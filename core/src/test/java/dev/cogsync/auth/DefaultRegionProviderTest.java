package dev.cogsync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogsync.exception.CognitoSyncClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultRegionProviderTest {

    @TempDir
    Path home;

    private Path configFile;

    @BeforeEach
    void setUp() {
        configFile = home.resolve(".aws").resolve("config");
    }

    private DefaultRegionProvider.Builder isolated(Map<String, String> environment, Properties properties) {
        return DefaultRegionProvider.builder()
                .homeDirectory(home)
                .environment(environment)
                .systemProperties(properties);
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void resolveRegion_systemPropertyWinsOverEverything() throws Exception {
        write(configFile, "[default]\nregion = eu-central-1\n");

        assertThat(isolated(Map.of("AWS_REGION", "us-west-2", "AWS_DEFAULT_REGION", "ap-south-1"),
                properties("aws.region", "eu-west-1")).build().resolveRegion()).hasValue("eu-west-1");
    }

    @Test
    void resolveRegion_awsRegionWinsOverAwsDefaultRegionAndProfile() throws Exception {
        write(configFile, "[default]\nregion = eu-central-1\n");

        assertThat(isolated(Map.of("AWS_REGION", "us-west-2", "AWS_DEFAULT_REGION", "ap-south-1"), properties())
                .build().resolveRegion()).hasValue("us-west-2");
    }

    @Test
    void resolveRegion_awsDefaultRegionWinsOverProfile() throws Exception {
        write(configFile, "[default]\nregion = eu-central-1\n");

        assertThat(isolated(Map.of("AWS_DEFAULT_REGION", "ap-south-1"), properties()).build().resolveRegion())
                .hasValue("ap-south-1");
    }

    @Test
    void resolveRegion_blankSettingsCountAsNotSet() throws Exception {
        write(configFile, "[default]\nregion = eu-central-1\n");

        assertThat(isolated(Map.of("AWS_REGION", " ", "AWS_DEFAULT_REGION", ""), properties("aws.region", ""))
                .build().resolveRegion()).hasValue("eu-central-1");
    }

    @Test
    void resolveRegion_readsTheActiveProfileOfTheConfigFile() throws Exception {
        write(configFile, "[default]\nregion = eu-central-1\n"
                + "[profile from-env]\nregion = us-east-2\n"
                + "[profile from-prop]\nregion = sa-east-1\n"
                + "[profile explicit]\nregion = ca-central-1 # Canada\n");
        Map<String, String> env = Map.of("AWS_PROFILE", "from-env");

        assertThat(isolated(Map.of(), properties()).build().resolveRegion()).hasValue("eu-central-1");
        assertThat(isolated(env, properties()).build().resolveRegion()).hasValue("us-east-2");
        assertThat(isolated(env, properties("aws.profile", "from-prop")).build().resolveRegion()).hasValue("sa-east-1");
        assertThat(isolated(env, properties("aws.profile", "from-prop")).profileName("explicit").build()
                .resolveRegion())
                .hasValue("ca-central-1");
    }

    @Test
    void resolveRegion_ignoresTheCredentialsFile() throws Exception {
        write(home.resolve(".aws").resolve("credentials"), "[default]\nregion = eu-central-1\n");

        assertThat(isolated(Map.of(), properties()).build().resolveRegion()).isEmpty();
    }

    @Test
    void resolveRegion_readsTheConfigFileNamedBySettings_withTilde() throws Exception {
        write(home.resolve("elsewhere").resolve("conf"), "[default]\nregion = eu-north-1\n");
        write(home.resolve("prop-conf"), "[default]\nregion = eu-south-1\n");

        assertThat(isolated(Map.of("AWS_CONFIG_FILE", "~/elsewhere/conf"), properties()).build().resolveRegion())
                .hasValue("eu-north-1");
        assertThat(isolated(Map.of("AWS_CONFIG_FILE", "~/elsewhere/conf"),
                properties("aws.configFile", home.resolve("prop-conf").toString())).build().resolveRegion())
                .hasValue("eu-south-1");
    }

    @Test
    void resolveRegion_withNoSettingAndNoFile_isEmpty() {
        assertThat(isolated(Map.of(), properties()).build().resolveRegion()).isEmpty();
    }

    @Test
    void resolveRegion_withAProfileWithoutRegion_isEmpty() throws Exception {
        write(configFile, "[default]\noutput = json\n[profile dev]\nregion = eu-west-3\n");

        assertThat(isolated(Map.of(), properties()).build().resolveRegion()).isEmpty();
    }

    @Test
    void resolveRegion_withAMalformedConfigFile_failsNamingTheFileAndLine() throws Exception {
        write(configFile, "[default]\nregion eu-west-1\n");

        assertThatThrownBy(() -> isolated(Map.of(), properties()).build().resolveRegion())
                .isInstanceOf(CognitoSyncClientException.class)
                .hasMessage("Unable to read the region of profile 'default': " + configFile
                        + ", line 2: expected 'name = value'");
    }

    @Test
    void resolveRegion_withAConfigFileThatIsADirectory_failsClearly() throws Exception {
        Files.createDirectories(configFile);

        assertThatThrownBy(() -> isolated(Map.of(), properties()).build().resolveRegion())
                .isInstanceOf(CognitoSyncClientException.class)
                .hasMessageEndingWith(configFile + ": is a directory, not a config file");
    }

    @Test
    void toBuilder_keepsTheSettings() {
        DefaultRegionProvider original = isolated(Map.of("AWS_REGION", "us-west-1"), properties())
                .profileName("dev").build();

        DefaultRegionProvider copy = original.toBuilder().build();

        assertThat(copy.resolveRegion()).hasValue("us-west-1");
        assertThat(copy).hasToString("DefaultRegionProvider[profile=dev]");
    }
}
