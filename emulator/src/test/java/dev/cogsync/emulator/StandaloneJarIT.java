package dev.cogsync.emulator;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded {@code -all} jar, run as users run it: {@code java -jar ... --port 0}. */
class StandaloneJarIT {

    private static final Path JAR = Paths.get(System.getProperty("emulator.jar",
            "target/cogsync-emulator-0.1.0-all.jar"));

    @Test
    void jar_announcesItsEndpointFirst_servesSignedRequests_andStopsOnSigterm() throws Exception {
        Process process = start("--port", "0", "--access-key", "AKIDJAR", "--secret-key", "jar-secret",
                "--region", "eu-west-1");
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = stdout.readLine();

            assertThat(first).matches("listening on http://127\\.0\\.0\\.1:[0-9]+");
            URI endpoint = URI.create(first.substring("listening on ".length()));
            TestClient client = TestClient.of(endpoint, AwsCredentials.of("AKIDJAR", "jar-secret"), "eu-west-1");
            DatasetRef dataset = TestData.dataset();
            assertThat(client.write(dataset, RecordPatch.replace("k", "v", 0)).record("k").syncCount()).isEqualTo(1);
            assertThat(client.list(dataset).datasetSyncCount()).isEqualTo(1);

            // SIGTERM through the handle: Process.destroy() would also close our end of its standard output.
            process.toHandle().destroy();

            assertThat(stdout.readLine()).as("the last line: what it applied")
                    .matches("stopped: applied-patches=1 update-records-calls=1 throttled=0 requests=[0-9]+");
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            assertThat(process.exitValue()).isIn(0, 143);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void jar_printsHelp() throws Exception {
        Process process = start("--help");

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(read(process)).startsWith("Usage: java -jar").contains("--fault-applied-then-dropped");
    }

    @Test
    void jar_refusesABadOptionWithStatusTwo() throws Exception {
        Process process = start("--port", "0", "--throttle-rps", "fast");

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("option --throttle-rps needs a number, not 'fast'");
        assertThat(read(process)).isEmpty();
    }

    private static Process start(String... args) throws IOException {
        assertThat(JAR).as("the shaded jar, built by the package phase").exists();
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
