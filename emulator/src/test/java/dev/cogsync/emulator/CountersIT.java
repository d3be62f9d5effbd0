package dev.cogsync.emulator;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.protocol.ResourcePaths;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The counters tests read: requests by operation and status, the patches histogram, faults, reset. */
class CountersIT {

    @Test
    void countsRequestsByOperationAndStatus_andPatchesPerCall() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            TestClient client = new TestClient(emulator);
            DatasetRef dataset = TestData.dataset();
            String token = client.list(dataset).syncSessionToken();
            client.update(dataset, token, RecordPatch.replace("a", "1", 0));
            client.update(dataset, token, patches(3));
            client.update(dataset, token);
            List<RecordPatch> many = new ArrayList<>(List.of(patches(100)));
            client.update(dataset, token, many.toArray(RecordPatch[]::new));
            assertThat(client.updateRaw(dataset, token, RecordPatch.replace("a", "2", 0),
                    RecordPatch.replace("b", "2", 0)).status()).isEqualTo(409);
            client.describe(dataset);
            client.describe(TestData.dataset());
            client.send("GET", "/nowhere", "", null);
            client.unsigned().send("GET", ResourcePaths.records(dataset), "", null);

            EmulatorCounters counters = emulator.counters();

            assertThat(counters.requests(ApiOperation.LIST_RECORDS, 200)).isEqualTo(1);
            assertThat(counters.requests(ApiOperation.LIST_RECORDS, 403)).isEqualTo(1);
            assertThat(counters.requests(ApiOperation.UPDATE_RECORDS, 200)).isEqualTo(4);
            assertThat(counters.requests(ApiOperation.UPDATE_RECORDS, 409)).isEqualTo(1);
            assertThat(counters.requests(ApiOperation.UPDATE_RECORDS)).isEqualTo(5);
            assertThat(counters.requests(ApiOperation.DESCRIBE_DATASET, 200)).isEqualTo(1);
            assertThat(counters.requests(ApiOperation.DESCRIBE_DATASET, 404)).isEqualTo(1);
            assertThat(counters.requests(ApiOperation.UNKNOWN, 404)).isEqualTo(1);
            assertThat(counters.totalRequests()).isEqualTo(10);
            assertThat(counters.updateRecordsCalls()).isEqualTo(5);
            assertThat(counters.patchesTotal()).isEqualTo(1 + 3 + 0 + 100 + 2);
            assertThat(counters.appliedPatches()).as("not the two of the rejected call").isEqualTo(1 + 3 + 0 + 100);
            assertThat(counters.callsInBucketOf(0)).isEqualTo(1);
            assertThat(counters.callsInBucketOf(1)).isEqualTo(1);
            assertThat(counters.callsInBucketOf(2)).isEqualTo(1);
            assertThat(counters.callsInBucketOf(3)).isEqualTo(1);
            assertThat(counters.callsInBucketOf(100)).isEqualTo(1);
            assertThat(counters.patchesPerCall().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
            assertThat(counters.throttled()).isZero();
            assertThat(counters.faults(FaultKind.INTERNAL_ERROR)).isZero();

            emulator.resetCounters();

            EmulatorCounters zero = emulator.counters();
            assertThat(zero.totalRequests()).isZero();
            assertThat(zero.updateRecordsCalls()).isZero();
            assertThat(zero.patchesTotal()).isZero();
            assertThat(zero.appliedPatches()).isZero();
            assertThat(emulator.dataset(dataset)).isPresent();
        }
    }

    @Test
    void reset_forgetsStateAndCountersButKeepsLiveFaultsAndThrottle() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            TestClient client = new TestClient(emulator);
            DatasetRef dataset = TestData.dataset();
            client.write(dataset, RecordPatch.replace("a", "1", 0));
            FaultConfig faults = FaultConfig.builder().latency(0.5, java.time.Duration.ZERO,
                    java.time.Duration.ofMillis(1)).build();
            emulator.configureFaults(faults);
            emulator.configureThrottle(ThrottleConfig.of(1000, 1000));

            emulator.reset();

            assertThat(emulator.datasets()).isEmpty();
            assertThat(emulator.dataset(dataset)).isEmpty();
            assertThat(emulator.counters().totalRequests()).isZero();
            assertThat(emulator.faults()).isEqualTo(faults);
            assertThat(emulator.throttle()).isEqualTo(ThrottleConfig.of(1000, 1000));
            assertThat(client.list(dataset).datasetExists()).isFalse();
            assertThat(client.write(dataset, RecordPatch.replace("a", "1", 0)).records().get(0).syncCount())
                    .isEqualTo(1);
        }
    }

    private static RecordPatch[] patches(int count) {
        RecordPatch[] patches = new RecordPatch[count];
        for (int i = 0; i < count; i++) {
            patches[i] = RecordPatch.replace("p" + count + "-" + i, "v", 0);
        }
        return patches;
    }
}
