package dev.cogsync.reactor.auth;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.exception.NotAuthorizedException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.Record;
import dev.cogsync.reactor.ClientOptions;
import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cognito Identity end to end: identities from the emulator's {@code GetId}, their own credentials from
 * {@code GetCredentialsForIdentity}, every Cognito Sync request signed with its dataset's identity's credentials
 * and checked by the emulator, which lets them reach their own identity's datasets only.
 */
class CognitoIdentityIT {

    private static final String POOL = "us-east-1:0f0e0d0c-0000-4000-8000-0000000c0601";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One clock for the emulator, the client's signatures and the credentials' expiry, moved by hand. */
    private final ManualClock clock = new ManualClock(Instant.now());
    private final CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().clock(clock).start();
    private final CognitoIdentityCredentialsProvider identities = CognitoIdentityCredentialsProvider.builder()
            .region(emulator.region()).endpointOverride(emulator.endpoint()).clock(clock).build();

    @AfterEach
    void stop() {
        emulator.close();
    }

    private CognitoSyncClient client(ClientOptions.Builder options) {
        return CognitoSyncClient.create(options.region(emulator.region()).endpointOverride(emulator.endpoint())
                .clock(clock).build());
    }

    @Test
    void eachIdentityWritesItsOwnDatasetWithItsOwnCredentialsThroughOneClient() {
        List<String> users = Flux.range(0, 20).flatMap(i -> identities.getId(POOL, Map.of())).collectList()
                .block(WAIT);
        assertThat(users).doesNotHaveDuplicates().hasSize(20);
        try (CognitoSyncClient client = client(ClientOptions.builder().identityCredentialsProvider(identities))) {
            CoalescingWriter writer = CoalescingWriter.create(client);
            List<Record> written = Flux.fromIterable(users)
                    .flatMap(user -> Flux.range(0, 50).flatMap(i -> writer.put(DatasetRef.of(POOL, user, "profile"),
                            "k" + i, user)))
                    .collectList().block(WAIT);
            writer.close().block(WAIT);

            assertThat(written).hasSize(1000);
            assertThat(emulator.counters().requests(ApiOperation.GET_CREDENTIALS_FOR_IDENTITY))
                    .as("credentials fetched once per identity").isEqualTo(20);
            assertThat(emulator.dataset(DatasetRef.of(POOL, users.get(3), "profile")).orElseThrow().records())
                    .hasSize(50);
        }
    }

    @Test
    void anIdentitysCredentialsAreRefusedOnAnotherIdentitysDatasetAndNothingIsApplied() {
        String alice = identities.getId(POOL, Map.of()).block(WAIT);
        String bob = identities.getId(POOL, Map.of()).block(WAIT);
        AwsCredentials aliceCredentials = identities.resolveCredentials(alice).toCompletableFuture().join();
        assertThat(aliceCredentials.sessionToken()).isNotNull();
        try (CognitoSyncClient client = client(ClientOptions.builder()
                .credentialsProvider(StaticCredentialsProvider.create(aliceCredentials)))) {
            CoalescingWriter writer = CoalescingWriter.create(client);
            assertThat(writer.put(DatasetRef.of(POOL, alice, "settings"), "theme", "dark").block(WAIT).syncCount())
                    .isEqualTo(1);
            assertThatThrownBy(() -> writer.put(DatasetRef.of(POOL, bob, "settings"), "theme", "hacked").block(WAIT))
                    .isInstanceOf(NotAuthorizedException.class);
            assertThatThrownBy(() -> client.listRecords(ListRecordsRequest.of(DatasetRef.of(POOL, bob, "settings")))
                    .block(WAIT)).isInstanceOf(NotAuthorizedException.class);
            writer.close().block(WAIT);
        }
        assertThat(emulator.dataset(DatasetRef.of(POOL, bob, "settings"))).isEmpty();
    }

    @Test
    void theSameLoginIsTheSameIdentity() {
        Map<String, String> login = Map.of("accounts.example.com", "carol-token");
        assertThat(identities.getId(POOL, login).block(WAIT)).isEqualTo(identities.getId(POOL, login).block(WAIT));
    }

    @Test
    void credentialsAreRefreshedBeforeTheyExpireAndExpiredOnesAreRefused() {
        String user = identities.getId(POOL, Map.of()).block(WAIT);
        DatasetRef dataset = DatasetRef.of(POOL, user, "settings");
        AwsCredentials first = identities.resolveCredentials(user).toCompletableFuture().join();
        try (CognitoSyncClient client = client(ClientOptions.builder().identityCredentialsProvider(identities));
             CognitoSyncClient stale = client(ClientOptions.builder()
                     .credentialsProvider(StaticCredentialsProvider.create(first)))) {
            client.listRecords(ListRecordsRequest.of(dataset)).block(WAIT);
            clock.advance(Duration.ofMinutes(59).plusSeconds(30)); // inside the last minute
            client.listRecords(ListRecordsRequest.of(dataset)).block(WAIT);
            assertThat(emulator.counters().requests(ApiOperation.GET_CREDENTIALS_FOR_IDENTITY)).isEqualTo(2);
            assertThat(identities.resolveCredentials(user).toCompletableFuture().join().accessKeyId())
                    .isNotEqualTo(first.accessKeyId());

            clock.advance(Duration.ofMinutes(1));
            assertThatThrownBy(() -> stale.listRecords(ListRecordsRequest.of(dataset)).block(WAIT))
                    .hasMessageContaining("403");
        }
    }
}
