package dev.cogsync.emulator;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** A bug inside an operation is answered with a generic 500, never a stack trace, and the server goes on. */
class InternalFailureIT {

    @Test
    void unexpectedFailure_isAGeneric500_andTheNextRequestIsServed() {
        AtomicBoolean broken = new AtomicBoolean();
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                if (broken.get()) {
                    throw new IllegalStateException("clock exploded (a deliberate test failure)");
                }
                return Instant.now();
            }
        };
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().authEnabled(false).clock(clock).start()) {
            TestClient client = new TestClient(emulator).unsigned();
            DatasetRef dataset = TestData.dataset();
            String token = client.list(dataset).syncSessionToken();

            broken.set(true);
            HttpResult failed = client.updateRaw(dataset, token, RecordPatch.replace("k", "v", 0));
            broken.set(false);
            HttpResult next = client.updateRaw(dataset, token, RecordPatch.replace("k", "v", 0));

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.errorType()).isEqualTo("InternalErrorException");
            assertThat(failed.message()).isEqualTo("An internal error occurred");
            assertThat(failed.text()).doesNotContain("exploded").doesNotContain("at dev.");
            assertThat(failed.header("x-amzn-RequestId")).isNotBlank();
            assertThat(next.status()).isEqualTo(200);
            assertThat(emulator.counters().requests(ApiOperation.UPDATE_RECORDS, 500)).isEqualTo(1);
        }
    }
}
