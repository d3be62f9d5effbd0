package dev.cogsync.reactor;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.emulator.ThrottleConfig;
import dev.cogsync.emulator.junit.CognitoSyncEmulatorExtension;
import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.exception.SyncCountConflict;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import dev.cogsync.retry.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain client against the project's emulator: the real protocol, signatures, semantics and throttling. */
class CognitoSyncClientEmulatorIT {

    @RegisterExtension
    static final CognitoSyncEmulatorExtension EMULATOR = CognitoSyncEmulatorExtension.create().resetBeforeEach();

    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:0f0e0d0c-0000-4000-8000-000000000001",
            "us-east-1:11111111-2222-3333-4444-555555555555", "game.settings");

    private final List<CognitoSyncClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(CognitoSyncClient::close);
        EMULATOR.emulator().configureThrottle(ThrottleConfig.OFF);
    }

    private CognitoSyncClient client(RetryPolicy policy, AwsCredentials credentials) {
        CognitoSyncEmulator emulator = EMULATOR.emulator();
        CognitoSyncClient client = CognitoSyncClient.create(ClientOptions.builder().region(emulator.region())
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .retryPolicy(policy).build());
        clients.add(client);
        return client;
    }

    private CognitoSyncClient client() {
        return client(RetryPolicy.defaults(), EMULATOR.emulator().credentials());
    }

    @Test
    void listUpdateThenConflict() {
        CognitoSyncClient client = client();

        ListRecordsResponse first = client.listRecords(ListRecordsRequest.of(DATASET)).block(Duration.ofSeconds(10));
        assertThat(first.datasetExists()).isFalse();
        assertThat(first.datasetSyncCount()).isZero();
        assertThat(first.syncSessionToken()).isNotBlank();

        UpdateRecordsResponse written = client.updateRecords(UpdateRecordsRequest.builder().dataset(DATASET)
                .syncSessionToken(first.syncSessionToken())
                .addRecordPatch(RecordPatch.replace("highScore", "100", 0))
                .addRecordPatch(RecordPatch.replace("level", "3", 0)).build()).block(Duration.ofSeconds(10));
        assertThat(written.records()).extracting(Record::key, Record::value, Record::syncCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("highScore", "100", 1L),
                        org.assertj.core.groups.Tuple.tuple("level", "3", 1L));

        UpdateRecordsResponse again = client.updateRecords(UpdateRecordsRequest.builder().dataset(DATASET)
                .syncSessionToken(first.syncSessionToken())
                .addRecordPatch(RecordPatch.replace("highScore", "150", 1)).build()).block(Duration.ofSeconds(10));
        assertThat(again.record("highScore").syncCount()).isEqualTo(2);

        StepVerifier.create(client.updateRecords(UpdateRecordsRequest.builder().dataset(DATASET)
                        .syncSessionToken(first.syncSessionToken())
                        .addRecordPatch(RecordPatch.replace("level", "4", 1))
                        .addRecordPatch(RecordPatch.replace("highScore", "999", 1)).build()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ResourceConflictException.class);
                    ResourceConflictException conflict = (ResourceConflictException) e;
                    assertThat(conflict.statusCode()).isEqualTo(409);
                    assertThat(conflict.requestId()).isNotBlank();
                    assertThat(conflict.attempts()).isEqualTo(1);
                    assertThat(conflict.conflict()).contains(new SyncCountConflict("highScore", 2, 1));
                })
                .verify(Duration.ofSeconds(10));

        assertThat(EMULATOR.emulator().dataset(DATASET).orElseThrow().value("level"))
                .as("the conflicting request applied nothing").isEqualTo("3");
        ListRecordsResponse since = client.listRecords(ListRecordsRequest.builder().dataset(DATASET)
                .lastSyncCount(1L).build()).block(Duration.ofSeconds(10));
        assertThat(since.records()).extracting(Record::key).containsExactly("highScore");
        assertThat(since.datasetSyncCount()).isEqualTo(2);
    }

    @Test
    void listAllRecordsPagesThroughAThousandRecords() {
        CognitoSyncClient client = client();
        String token = client.listRecords(ListRecordsRequest.of(DATASET)).block(Duration.ofSeconds(10))
                .syncSessionToken();
        for (int batch = 0; batch < 10; batch++) {
            UpdateRecordsRequest.Builder request = UpdateRecordsRequest.builder().dataset(DATASET)
                    .syncSessionToken(token);
            for (int i = 0; i < 100; i++) {
                request.addRecordPatch(RecordPatch.replace(String.format("key-%04d", batch * 100 + i), "v", 0));
            }
            client.updateRecords(request.build()).block(Duration.ofSeconds(10));
        }
        EMULATOR.emulator().resetCounters();

        List<Record> all = client.listAllRecords(ListRecordsRequest.builder().dataset(DATASET).maxResults(90)
                .build()).collectList().block(Duration.ofSeconds(30));

        assertThat(all).hasSize(1000);
        assertThat(all).extracting(Record::key).doesNotHaveDuplicates();
        assertThat(EMULATOR.emulator().counters().requests(ApiOperation.LIST_RECORDS, 200)).isEqualTo(12);
    }

    @Test
    void aWrongSecretIsRefusedWith403AndNotRetried() {
        CognitoSyncClient client = client(RetryPolicy.defaults(), AwsCredentials.of(
                EMULATOR.emulator().credentials().accessKeyId(), "not-the-secret"));

        StepVerifier.create(client.listRecords(ListRecordsRequest.of(DATASET)))
                .expectErrorSatisfies(e -> {
                    CognitoSyncServiceException error = (CognitoSyncServiceException) e;
                    assertThat(error.statusCode()).isEqualTo(403);
                    assertThat(error.errorCode()).isEqualTo("InvalidSignatureException");
                    assertThat(error.attempts()).isEqualTo(1);
                    assertThat(error.getMessage()).doesNotContain("not-the-secret");
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void throttledCallsSucceedAfterBackoff() {
        EMULATOR.emulator().configureThrottle(ThrottleConfig.of(20, 2));
        CognitoSyncClient client = client(RetryPolicy.defaults().toBuilder().maxAttempts(10)
                .throttlingBaseDelay(Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(1)).build(),
                EMULATOR.emulator().credentials());

        List<ListRecordsResponse> pages = Flux.range(0, 30)
                .flatMap(i -> client.listRecords(ListRecordsRequest.of(DATASET)))
                .collectList().block(Duration.ofSeconds(60));

        assertThat(pages).hasSize(30);
        assertThat(EMULATOR.emulator().counters().requests(ApiOperation.LIST_RECORDS, 429))
                .as("the emulator did throttle").isPositive();
        assertThat(EMULATOR.emulator().counters().requests(ApiOperation.LIST_RECORDS, 200)).isEqualTo(30);
    }
}
