package dev.cogsync.reactor;

import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.reactor.auth.CognitoIdentityCredentialsProvider;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of the README, verbatim between the markers, run against the emulator. */
class ReadmeExamplesIT {

    @Test
    void theReadmeShowsTheseExamplesVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/cogsync/reactor/ReadmeExamplesIT.java"));
        String readme = Files.readString(Path.of("../README.md"));
        for (String example : List.of("plain-client", "coalescer", "cognito-identity")) {
            String snippet = source.substring(source.indexOf("// readme:" + example + ":start") ,
                    source.indexOf("// readme:" + example + ":end"));
            snippet = snippet.substring(snippet.indexOf('\n') + 1);
            String unindented = snippet.lines().map(line -> line.length() >= 12 ? line.substring(12) : line.strip())
                    .collect(Collectors.joining("\n"));
            assertThat(readme).as("README.md holds the %s example as tested here", example).contains(unindented);
        }
    }

    @Test
    void plainClient() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            // readme:plain-client:start
            CognitoSyncClient client = CognitoSyncClient.create(ClientOptions.builder()
                    .region("us-east-1")
                    .endpointOverride(emulator.endpoint())          // leave out to use the real service
                    .credentialsProvider(StaticCredentialsProvider.create(emulator.credentials()))
                    .build());
            DatasetRef dataset = DatasetRef.of("us-east-1:0f0e0d0c-0000-4000-8000-000000000001",
                    "us-east-1:11111111-2222-3333-4444-555555555555", "game.settings");

            Mono<UpdateRecordsResponse> written = client.listRecords(ListRecordsRequest.of(dataset))
                    .flatMap(page -> client.updateRecords(UpdateRecordsRequest.builder()
                            .dataset(dataset)
                            .syncSessionToken(page.syncSessionToken())
                            .addRecordPatch(RecordPatch.replace("highScore", "100", 0))   // 0: a new record
                            .build()));

            Record record = written.block().record("highScore");            // block() in main only, never on an event loop
            System.out.println(record.key() + " is now at sync count " + record.syncCount());
            client.close();
            // readme:plain-client:end
            assertThat(record.syncCount()).isEqualTo(1);
            assertThat(emulator.dataset(dataset).orElseThrow().value("highScore")).isEqualTo("100");
        }
    }

    @Test
    void coalescerInBothModes() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            CognitoSyncClient client = CognitoSyncClient.create(ClientOptions.builder().region("us-east-1")
                    .endpointOverride(emulator.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(emulator.credentials())).build());
            DatasetRef dataset = DatasetRef.of("us-east-1:0f0e0d0c-0000-4000-8000-000000000001",
                    "us-east-1:11111111-2222-3333-4444-555555555555", "game.settings");
            // readme:coalescer:start
            CoalescingWriter writer = CoalescingWriter.create(client, WriterOptions.defaults());

            // Managed mode: the writer knows every record's sync count and fills it in.
            Mono<Record> level = writer.put(dataset, "level", "7");
            Mono<Record> coins = writer.put(dataset, "coins", "1200");  // writes that arrive while a request is
                                                                          // in flight share the next one

            // Explicit mode: you carry the sync count, exactly the service's optimistic concurrency.
            Mono<Record> score = writer.submit(dataset, RecordPatch.replace("highScore", "150", 0))
                    .onErrorResume(ResourceConflictException.class, conflict -> Mono.justOrEmpty(
                            conflict.currentRecord()));                         // someone else wrote it first

            Mono.zip(level, coins, score).block();
            System.out.println(writer.stats());                                  // patches, requests, retries, ...
            writer.close().block(Duration.ofSeconds(30));                        // flushes what is pending
            client.close();
            // readme:coalescer:end
            assertThat(writer.stats().patchesWritten()).isEqualTo(3);
            assertThat(writer.stats().updateRecordsCalls()).isLessThanOrEqualTo(2);
            assertThat(emulator.dataset(dataset).orElseThrow().records()).hasSize(3);
        }
    }

    @Test
    void oneClientManyUsersWithCognitoIdentity() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            // readme:cognito-identity:start
            CognitoIdentityCredentialsProvider identities = CognitoIdentityCredentialsProvider.builder()
                    .region("us-east-1")
                    .endpointOverride(emulator.endpoint())          // leave out to use the real service
                    .build();
            CognitoSyncClient client = CognitoSyncClient.create(ClientOptions.builder()
                    .region("us-east-1")
                    .endpointOverride(emulator.endpoint())          // leave out to use the real service
                    .identityCredentialsProvider(identities)        // each identity signs with its own credentials
                    .build());
            String poolId = "us-east-1:0f0e0d0c-0000-4000-8000-000000000001";
            String user = identities.getId(poolId, Map.of()).block();         // a new unauthenticated identity
            Record theme = CoalescingWriter.create(client)
                    .put(DatasetRef.of(poolId, user, "settings"), "theme", "dark").block();
            client.close();
            // readme:cognito-identity:end
            assertThat(theme.syncCount()).isEqualTo(1);
            assertThat(emulator.dataset(DatasetRef.of(poolId, user, "settings")).orElseThrow().value("theme"))
                    .isEqualTo("dark");
        }
    }
}
