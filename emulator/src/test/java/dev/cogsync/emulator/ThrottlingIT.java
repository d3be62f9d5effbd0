package dev.cogsync.emulator;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.protocol.ResourcePaths;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-identity token bucket, switched on and off on a running emulator; time moves by hand. */
class ThrottlingIT {

    @Test
    void overTheRate_isTooManyRequests_appliesNothing_andRecoversAfterRefill() {
        MutableClock clock = new MutableClock();
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().clock(clock).start()) {
            TestClient client = new TestClient(emulator).withSigningClock(clock);
            DatasetRef dataset = TestData.dataset();
            String token = client.list(dataset).syncSessionToken();
            assertThat(emulator.throttle()).isEqualTo(ThrottleConfig.OFF);

            emulator.configureThrottle(ThrottleConfig.of(2, 2));
            HttpResult first = client.updateRaw(dataset, token, RecordPatch.replace("k", "1", 0));
            HttpResult second = client.send("GET", ResourcePaths.records(dataset), "", null);
            HttpResult throttled = client.updateRaw(dataset, token, RecordPatch.replace("k", "2", 1));
            HttpResult otherIdentity = client.send("GET", ResourcePaths.records(TestData.dataset()), "", null);
            clock.advance(Duration.ofMillis(499));
            HttpResult stillEmpty = client.send("GET", ResourcePaths.records(dataset), "", null);
            clock.advance(Duration.ofMillis(1));
            HttpResult refilled = client.updateRaw(dataset, token, RecordPatch.replace("k", "2", 1));

            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.errorType()).isEqualTo("TooManyRequestsException");
            assertThat(throttled.message()).isEqualTo("Rate exceeded");
            assertThat(otherIdentity.status()).isEqualTo(200);
            assertThat(stillEmpty.status()).isEqualTo(429);
            assertThat(refilled.status()).isEqualTo(200);
            assertThat(emulator.dataset(dataset).orElseThrow().syncCount()).isEqualTo(2);
            assertThat(emulator.counters().throttled()).isEqualTo(2);

            emulator.configureThrottle(ThrottleConfig.OFF);
            for (int i = 0; i < 10; i++) {
                assertThat(client.send("GET", ResourcePaths.records(dataset), "", null).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void theBurst_isTheBucketSize_atStartAndAfterAReset() {
        MutableClock clock = new MutableClock();
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().clock(clock)
                .throttle(ThrottleConfig.of(1, 3)).start()) {
            TestClient client = new TestClient(emulator).withSigningClock(clock);
            String path = ResourcePaths.records(TestData.dataset());

            int[] statuses = new int[4];
            for (int i = 0; i < 4; i++) {
                statuses[i] = client.send("GET", path, "", null).status();
            }
            emulator.reset();
            int afterReset = client.send("GET", path, "", null).status();

            assertThat(statuses).containsExactly(200, 200, 200, 429);
            assertThat(afterReset).isEqualTo(200);
        }
    }
}
