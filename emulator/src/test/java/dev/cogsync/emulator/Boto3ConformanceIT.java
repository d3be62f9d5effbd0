package dev.cogsync.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official AWS SDK for Python against the emulator: {@code src/test/python/boto3_conformance.py}. Fails, never
 * skips, when python3 or boto3 is missing; on failure the message holds the script's output.
 */
class Boto3ConformanceIT {

    private static final Path SCRIPT = Paths.get(System.getProperty("emulator.python.dir", "src/test/python"),
            "boto3_conformance.py");

    @Test
    void boto3_seesTheServicesAnswers(@TempDir Path workDir) throws Exception {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            ExternalProcess result = ExternalProcess.run(
                    List.of("python3", SCRIPT.toAbsolutePath().toString(), emulator.endpoint().toString()),
                    Map.of("AWS_ACCESS_KEY_ID", emulator.credentials().accessKeyId(),
                            "AWS_SECRET_ACCESS_KEY", emulator.credentials().secretAccessKey(),
                            "AWS_DEFAULT_REGION", emulator.region()),
                    workDir);

            assertThat(result.exitCode()).as("boto3_conformance.py output:%n%s", result.output()).isZero();
            assertThat(result.output()).contains("all steps passed");
            // One HTTP request per SDK call: nothing was retried behind the script's back.
            assertThat(emulator.counters().faults(FaultKind.INTERNAL_ERROR)).isZero();
            assertThat(emulator.counters().requests(ApiOperation.UPDATE_RECORDS, 409)).isEqualTo(1);
        }
    }
}
