package dev.cogsync.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProfileLocationTest {

    private static final Path HOME = Path.of("/home/tester");

    private static SystemSettings settings(Map<String, String> environment, Properties properties) {
        return SystemSettings.of(environment, properties, HOME);
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void resolve_withNothingSet_usesDefaultProfileAndFilesUnderHome() {
        ProfileLocation location = ProfileLocation.resolve(settings(Map.of(), properties()), null, null, null);

        assertThat(location).isEqualTo(new ProfileLocation("default",
                HOME.resolve(".aws/credentials"), HOME.resolve(".aws/config")));
    }

    @Test
    void resolve_profileName_explicitThenPropertyThenEnvironmentThenDefault() {
        Map<String, String> env = Map.of("AWS_PROFILE", "from-env");
        Properties props = properties("aws.profile", "from-property");

        assertThat(ProfileLocation.resolve(settings(env, props), "explicit", null, null).profileName())
                .isEqualTo("explicit");
        assertThat(ProfileLocation.resolve(settings(env, props), null, null, null).profileName())
                .isEqualTo("from-property");
        assertThat(ProfileLocation.resolve(settings(env, properties()), null, null, null).profileName())
                .isEqualTo("from-env");
        assertThat(ProfileLocation.resolve(settings(Map.of("AWS_PROFILE", "  "), properties()), null, null, null)
                .profileName()).isEqualTo("default");
    }

    @Test
    void resolve_files_explicitThenPropertyThenEnvironment() {
        Map<String, String> env =
                Map.of("AWS_SHARED_CREDENTIALS_FILE", "/env/credentials", "AWS_CONFIG_FILE", "/env/config");
        Properties props =
                properties("aws.sharedCredentialsFile", "/prop/credentials", "aws.configFile", "/prop/config");

        ProfileLocation explicit = ProfileLocation.resolve(
                settings(env, props), null, Path.of("/explicit/credentials"), Path.of("/explicit/config"));
        ProfileLocation fromProperties = ProfileLocation.resolve(settings(env, props), null, null, null);
        ProfileLocation fromEnvironment = ProfileLocation.resolve(settings(env, properties()), null, null, null);

        assertThat(explicit.credentialsFile()).isEqualTo(Path.of("/explicit/credentials"));
        assertThat(explicit.configFile()).isEqualTo(Path.of("/explicit/config"));
        assertThat(fromProperties.credentialsFile()).isEqualTo(Path.of("/prop/credentials"));
        assertThat(fromProperties.configFile()).isEqualTo(Path.of("/prop/config"));
        assertThat(fromEnvironment.credentialsFile()).isEqualTo(Path.of("/env/credentials"));
        assertThat(fromEnvironment.configFile()).isEqualTo(Path.of("/env/config"));
    }

    @Test
    void expandHome_expandsOnlyALeadingTilde() {
        SystemSettings settings = settings(Map.of(), properties());

        assertThat(ProfileLocation.expandHome("~", settings)).isEqualTo(HOME);
        assertThat(ProfileLocation.expandHome("~/aws/config", settings)).isEqualTo(HOME.resolve("aws/config"));
        assertThat(ProfileLocation.expandHome("/etc/~/config", settings)).isEqualTo(Path.of("/etc/~/config"));
        assertThat(ProfileLocation.expandHome("~other/config", settings)).isEqualTo(Path.of("~other/config"));
    }
}
