package dev.cogsync.emulator;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Sync session tokens: bound to their dataset and identity, expiring and single-use when configured. */
class SessionTokenIT {

    private static final String NOT_VALID = "SyncSessionToken not valid for these inputs";

    @Test
    void tokenOfAnotherDatasetOrIdentity_orMalformed_isRejected() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            TestClient client = new TestClient(emulator);
            String identity = TestData.identity();
            DatasetRef dataset = TestData.dataset(identity, "a");
            String tokenOfOtherDataset = client.list(TestData.dataset(identity, "b")).syncSessionToken();
            String tokenOfOtherIdentity = client.list(TestData.dataset(TestData.identity(), "a")).syncSessionToken();
            String valid = client.list(dataset).syncSessionToken();
            byte[] tampered = Base64.getUrlDecoder().decode(valid);
            tampered[tampered.length - 1] ^= 1;

            for (String token : new String[] {tokenOfOtherDataset, tokenOfOtherIdentity, "garbage",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(tampered), valid + "A"}) {
                HttpResult result = client.updateRaw(dataset, token, RecordPatch.replace("k", "v", 0));
                assertThat(result.status()).as(token).isEqualTo(400);
                assertThat(result.errorType()).isEqualTo("InvalidParameterException");
                assertThat(result.message()).isEqualTo(NOT_VALID);
            }
            assertThat(emulator.dataset(dataset)).isEmpty();
            assertThat(client.updateRaw(dataset, valid, RecordPatch.replace("k", "v", 0)).status()).isEqualTo(200);
        }
    }

    @Test
    void missingToken_isInvalidParameter() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            TestClient client = new TestClient(emulator);
            DatasetRef dataset = TestData.dataset();

            HttpResult result = client.postJson(dataset,
                    "{\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0}]}");

            assertThat(result.status()).isEqualTo(400);
            assertThat(result.errorType()).isEqualTo("InvalidParameterException");
            assertThat(result.message()).startsWith("syncSessionToken:");
        }
    }

    @Test
    void tokens_byDefault_neverExpireAndMayBeReused() {
        MutableClock clock = new MutableClock();
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().clock(clock).start()) {
            TestClient client = new TestClient(emulator).withSigningClock(clock);
            DatasetRef dataset = TestData.dataset();
            String token = client.list(dataset).syncSessionToken();

            client.update(dataset, token, RecordPatch.replace("a", "1", 0));
            clock.advance(Duration.ofDays(365));
            client.update(dataset, token, RecordPatch.replace("a", "2", 1));

            assertThat(emulator.dataset(dataset).orElseThrow().syncCount()).isEqualTo(2);
        }
    }

    @Test
    void expiredToken_isRejected() {
        MutableClock clock = new MutableClock();
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().clock(clock)
                .tokenTtl(Duration.ofMinutes(5)).start()) {
            TestClient client = new TestClient(emulator).withSigningClock(clock);
            DatasetRef dataset = TestData.dataset();
            String token = client.list(dataset).syncSessionToken();

            clock.advance(Duration.ofMinutes(4));
            HttpResult beforeExpiry = client.updateRaw(dataset, token, RecordPatch.replace("a", "1", 0));
            clock.advance(Duration.ofMinutes(1));
            HttpResult atExpiry = client.updateRaw(dataset, token, RecordPatch.replace("a", "2", 1));

            assertThat(beforeExpiry.status()).isEqualTo(200);
            assertThat(atExpiry.status()).isEqualTo(400);
            assertThat(atExpiry.message()).isEqualTo(NOT_VALID);
            assertThat(emulator.dataset(dataset).orElseThrow().value("a")).isEqualTo("1");
        }
    }

    @Test
    void singleUseToken_servesOneUpdateOnly_whateverItsOutcome() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().singleUseTokens(true).start()) {
            TestClient client = new TestClient(emulator);
            DatasetRef dataset = TestData.dataset();
            String first = client.list(dataset).syncSessionToken();

            HttpResult used = client.updateRaw(dataset, first, RecordPatch.replace("a", "1", 0));
            HttpResult reused = client.updateRaw(dataset, first, RecordPatch.replace("a", "2", 1));
            String second = client.list(dataset).syncSessionToken();
            HttpResult conflict = client.updateRaw(dataset, second, RecordPatch.replace("a", "2", 0));
            HttpResult afterConflict = client.updateRaw(dataset, second, RecordPatch.replace("a", "2", 1));

            assertThat(used.status()).isEqualTo(200);
            assertThat(reused.status()).isEqualTo(400);
            assertThat(reused.message()).isEqualTo(NOT_VALID);
            assertThat(second).isNotEqualTo(first);
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(afterConflict.status()).isEqualTo(400);
            assertThat(afterConflict.message()).isEqualTo(NOT_VALID);
            assertThat(emulator.dataset(dataset).orElseThrow().value("a")).isEqualTo("1");
        }
    }

    @Test
    void singleUseTokens_olderThanTheCapacity_areRejectedAsUsed() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().singleUseTokens(true)
                .usedTokenCapacity(2).start()) {
            TestClient client = new TestClient(emulator);
            DatasetRef dataset = TestData.dataset();
            String oldest = client.list(dataset).syncSessionToken();
            client.list(dataset);
            String newest = client.list(dataset).syncSessionToken();

            HttpResult old = client.updateRaw(dataset, oldest, RecordPatch.replace("a", "1", 0));
            HttpResult recent = client.updateRaw(dataset, newest, RecordPatch.replace("a", "1", 0));

            assertThat(old.status()).isEqualTo(400);
            assertThat(old.message()).isEqualTo(NOT_VALID);
            assertThat(recent.status()).isEqualTo(200);
        }
    }

    @Test
    void reset_invalidatesEveryTokenIssuedBefore() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            TestClient client = new TestClient(emulator);
            DatasetRef dataset = TestData.dataset();
            String token = client.list(dataset).syncSessionToken();

            emulator.reset();
            HttpResult result = client.updateRaw(dataset, token, RecordPatch.replace("a", "1", 0));

            assertThat(result.status()).isEqualTo(400);
            assertThat(result.message()).isEqualTo(NOT_VALID);
        }
    }
}
