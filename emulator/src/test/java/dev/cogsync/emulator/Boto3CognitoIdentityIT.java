package dev.cogsync.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official AWS SDK for Python plays Cognito Identity and Cognito Sync against the standalone emulator jar, as a
 * user would run it: {@code src/test/python/boto3_cognito_identity.py}. Fails, never skips, without boto3.
 */
class Boto3CognitoIdentityIT {

    private static final Path SCRIPT = Paths.get(System.getProperty("emulator.python.dir", "src/test/python"),
            "boto3_cognito_identity.py");
    private static final Path JAR = Paths.get(System.getProperty("emulator.jar",
            "target/cogsync-emulator-0.1.0-all.jar"));

    @Test
    void boto3_getsIdentitiesAndCredentialsThatReachOnlyTheirOwnDatasets(@TempDir Path workDir) throws Exception {
        assertThat(JAR).as("the shaded jar, built by the package phase").exists();
        Process emulator = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--port", "0", "--region", "eu-west-1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String first = new BufferedReader(new InputStreamReader(emulator.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            URI endpoint = URI.create(first.substring("listening on ".length()));
            ExternalProcess result = ExternalProcess.run(
                    List.of("python3", SCRIPT.toAbsolutePath().toString(), endpoint.toString()),
                    Map.of("AWS_ACCESS_KEY_ID", EmulatorConfig.DEFAULT_ACCESS_KEY_ID,
                            "AWS_SECRET_ACCESS_KEY", EmulatorConfig.DEFAULT_SECRET_ACCESS_KEY,
                            "AWS_DEFAULT_REGION", "eu-west-1"),
                    workDir);

            assertThat(result.exitCode()).as("boto3_cognito_identity.py output:%n%s", result.output()).isZero();
            assertThat(result.output()).contains("all steps passed");
        } finally {
            emulator.destroyForcibly();
        }
    }
}
