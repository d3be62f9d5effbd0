package dev.cogsync.emulator;

import dev.cogsync.model.DatasetRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS CLI against the emulator, configured only through environment variables and empty config files. */
class AwsCliIT {

    @Test
    void awsCli_listsUpdatesAndSeesAConflict(@TempDir Path workDir) throws Exception {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            DatasetRef dataset = TestData.dataset();
            Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", emulator.credentials().accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", emulator.credentials().secretAccessKey(),
                    "AWS_DEFAULT_REGION", emulator.region(), "AWS_MAX_ATTEMPTS", "1");

            ExternalProcess list = aws(emulator, dataset, env, workDir, "list-records");
            assertThat(list.exitCode()).as(list.output()).isZero();
            Map<String, Object> listed = Json.object(list.output());
            assertThat(listed).containsEntry("DatasetExists", false).containsEntry("DatasetSyncCount", 0L);
            String token = (String) listed.get("SyncSessionToken");

            ExternalProcess update = aws(emulator, dataset, env, workDir, "update-records",
                    "--sync-session-token", token, "--record-patches",
                    "Op=replace,Key=highScore,Value=100,SyncCount=0");
            assertThat(update.exitCode()).as(update.output()).isZero();
            assertThat(update.output()).contains("\"Key\": \"highScore\"").contains("\"SyncCount\": 1");

            ExternalProcess conflict = aws(emulator, dataset, env, workDir, "update-records",
                    "--sync-session-token", token, "--record-patches",
                    "Op=replace,Key=highScore,Value=200,SyncCount=0");
            assertThat(conflict.exitCode()).as(conflict.output()).isNotZero();
            assertThat(conflict.output()).contains("ResourceConflictException")
                    .contains("Current SyncCount for: highScore is: 1 not: 0");

            ExternalProcess since = aws(emulator, dataset, env, workDir, "list-records", "--last-sync-count", "0");
            assertThat(since.exitCode()).as(since.output()).isZero();
            assertThat(Json.object(since.output())).containsEntry("DatasetSyncCount", 1L)
                    .containsEntry("Count", 1L);
            assertThat(emulator.dataset(dataset).orElseThrow().value("highScore")).isEqualTo("100");
        }
    }

    private static ExternalProcess aws(CognitoSyncEmulator emulator, DatasetRef dataset, Map<String, String> env,
                                       Path workDir, String operation, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "cognito-sync", operation,
                "--endpoint-url", emulator.endpoint().toString(), "--output", "json",
                "--identity-pool-id", dataset.identityPoolId(), "--identity-id", dataset.identityId(),
                "--dataset-name", dataset.datasetName()));
        command.addAll(List.of(args));
        return ExternalProcess.run(command, env, workDir);
    }
}
