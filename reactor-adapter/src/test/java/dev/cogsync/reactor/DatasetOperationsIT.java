package dev.cogsync.reactor;

import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.exception.ResourceNotFoundException;
import dev.cogsync.model.Dataset;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.IdentityUsage;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dataset operations against the emulator, and the official AWS SDK for Python reading back what the cogsync
 * client wrote and deleted.
 */
class DatasetOperationsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void listDescribeDeleteAndUsageAgreeWithWhatWasWrittenAndWithBoto3() throws Exception {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start();
             WriterFixture fixture = new WriterFixture(emulator)) {
            CognitoSyncClient client = fixture.client();
            CoalescingWriter writer = fixture.writer(client, WriterOptions.defaults());
            DatasetRef first = WriterFixture.dataset(42, "a-settings");
            DatasetRef second = WriterFixture.dataset(42, "b-scores");
            DatasetRef removed = WriterFixture.dataset(42, "c-gone");
            for (DatasetRef dataset : List.of(first, second, removed)) {
                writer.put(dataset, "k1", "v1").block(WAIT);
                writer.put(dataset, "k2", "v22").block(WAIT);
            }
            writer.remove(first, "k2").block(WAIT);

            Dataset deleted = client.deleteDataset(removed).block(WAIT);
            assertThat(deleted.numRecords()).isEqualTo(2);
            List<Dataset> datasets = client.listAllDatasets(first.identityPoolId(), first.identityId())
                    .collectList().block(WAIT);
            assertThat(datasets).extracting(Dataset::datasetName).containsExactly("a-settings", "b-scores");
            Dataset described = client.describeDataset(first).block(WAIT);
            assertThat(described.numRecords()).as("live records").isEqualTo(1);
            assertThat(described.dataStorage()).isEqualTo("k1v1".length());
            IdentityUsage usage = client.describeIdentityUsage(first.identityPoolId(), first.identityId())
                    .block(WAIT);
            assertThat(usage.datasetCount()).isEqualTo(2);
            assertThat(usage.dataStorage()).isEqualTo("k1v1".length() + "k1v1k2v22".length());
            assertThat(client.listLiveRecords(ListRecordsRequest.of(first)).map(Record::key).collectList()
                    .block(WAIT)).containsExactly("k1");
            assertThatThrownBy(() -> client.describeDataset(removed).block(WAIT))
                    .isInstanceOf(ResourceNotFoundException.class);

            Path script = Files.writeString(dir.resolve("read_back.py"), """
                    import sys, boto3
                    sync = boto3.client("cognito-sync", endpoint_url=sys.argv[1], region_name="us-east-1")
                    pool, identity = sys.argv[2], sys.argv[3]
                    names = [d["DatasetName"] for d in sync.list_datasets(IdentityPoolId=pool,
                             IdentityId=identity)["Datasets"]]
                    first = sync.describe_dataset(IdentityPoolId=pool, IdentityId=identity,
                                                  DatasetName="a-settings")["Dataset"]
                    usage = sync.describe_identity_usage(IdentityPoolId=pool, IdentityId=identity)["IdentityUsage"]
                    records = sync.list_records(IdentityPoolId=pool, IdentityId=identity,
                                                DatasetName="b-scores")["Records"]
                    print(",".join(names), first["NumRecords"], usage["DatasetCount"], usage["DataStorage"],
                          sorted((r["Key"], r["Value"]) for r in records))
                    """);
            ProcessBuilder builder = new ProcessBuilder("python3", script.toString(), emulator.endpoint().toString(),
                    first.identityPoolId(), first.identityId()).redirectErrorStream(true);
            builder.environment().put("AWS_ACCESS_KEY_ID", emulator.credentials().accessKeyId());
            builder.environment().put("AWS_SECRET_ACCESS_KEY", emulator.credentials().secretAccessKey());
            builder.environment().remove("AWS_SESSION_TOKEN");
            builder.environment().remove("AWS_PROFILE");
            Process python = builder.start();
            python.getOutputStream().close();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(out).isEqualTo("a-settings,b-scores 1 2 13 [('k1', 'v1'), ('k2', 'v22')]");
        }
    }
}
