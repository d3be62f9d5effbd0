package dev.cogsync.emulator;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.protocol.ResourcePaths;
import dev.cogsync.protocol.WireRequest;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Injected faults: what the client sees, what is applied, and that a seed reproduces them. */
class FaultInjectionIT {

    @Test
    void internalErrorAndServiceUnavailable_answerWithoutApplying() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            TestClient client = new TestClient(emulator);
            DatasetRef dataset = TestData.dataset();
            String token = client.list(dataset).syncSessionToken();

            emulator.configureFaults(FaultConfig.builder().internalError(1).build());
            HttpResult internal = client.updateRaw(dataset, token, RecordPatch.replace("k", "v", 0));
            emulator.configureFaults(FaultConfig.builder().serviceUnavailable(1).build());
            HttpResult unavailable = client.updateRaw(dataset, token, RecordPatch.replace("k", "v", 0));
            emulator.configureFaults(FaultConfig.NONE);
            HttpResult healthy = client.updateRaw(dataset, token, RecordPatch.replace("k", "v", 0));

            assertThat(internal.status()).isEqualTo(500);
            assertThat(internal.errorType()).isEqualTo("InternalErrorException");
            assertThat(internal.header("x-amzn-RequestId")).isNotBlank();
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.errorType()).isEqualTo("ServiceUnavailableException");
            assertThat(healthy.status()).isEqualTo(200);
            assertThat(emulator.dataset(dataset).orElseThrow().syncCount()).isEqualTo(1);
            EmulatorCounters counters = emulator.counters();
            assertThat(counters.faults(FaultKind.INTERNAL_ERROR)).isEqualTo(1);
            assertThat(counters.faults(FaultKind.SERVICE_UNAVAILABLE)).isEqualTo(1);
        }
    }

    @Test
    void throttled_answers429WithoutApplying_whateverTheLoad() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            TestClient client = new TestClient(emulator);
            DatasetRef dataset = TestData.dataset();
            String token = client.list(dataset).syncSessionToken();

            emulator.configureFaults(FaultConfig.builder().throttled(1).build());
            HttpResult throttled = client.updateRaw(dataset, token, RecordPatch.replace("k", "v", 0));
            emulator.configureFaults(FaultConfig.NONE);

            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.errorType()).isEqualTo("TooManyRequestsException");
            assertThat(emulator.dataset(dataset)).isEmpty();
            assertThat(emulator.counters().faults(FaultKind.THROTTLED)).isEqualTo(1);
        }
    }

    @Test
    void recordHistory_keepsEveryAppliedUpdateOnlyWhenAskedTo() {
        try (CognitoSyncEmulator withHistory = CognitoSyncEmulator.builder().recordHistory(true).start();
             CognitoSyncEmulator without = CognitoSyncEmulator.builder().start()) {
            DatasetRef dataset = TestData.dataset();
            for (CognitoSyncEmulator emulator : List.of(withHistory, without)) {
                TestClient client = new TestClient(emulator);
                String token = client.list(dataset).syncSessionToken();
                client.updateRaw(dataset, token, RecordPatch.replace("a", "1", 0), RecordPatch.replace("b", "2", 0));
                client.updateRaw(dataset, token, RecordPatch.replace("a", "stale", 0));
                client.updateRaw(dataset, token, RecordPatch.remove("a", 1));
            }

            List<AppliedUpdate> history = withHistory.appliedUpdates(dataset);
            assertThat(history).extracting(AppliedUpdate::syncCount).containsExactly(1L, 2L);
            assertThat(history.get(0).patches()).containsExactly(RecordPatch.replace("a", "1", 0),
                    RecordPatch.replace("b", "2", 0));
            assertThat(history.get(1).patches()).containsExactly(RecordPatch.remove("a", 1));
            assertThat(without.appliedUpdates(dataset)).isEmpty();
        }
    }

    @Test
    void latency_delaysTheAnswer() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder()
                .faults(FaultConfig.builder().latency(1, Duration.ofMillis(300), Duration.ofMillis(50)).build())
                .start()) {
            TestClient client = new TestClient(emulator);
            long start = System.nanoTime();

            HttpResult result = client.send("GET", ResourcePaths.records(TestData.dataset()), "", null);

            assertThat(result.status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(emulator.counters().faults(FaultKind.LATENCY)).isEqualTo(1);
        }
    }

    @Test
    void connectionClosed_sendsNoByte_andAppliesNothing() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            TestClient client = new TestClient(emulator);
            DatasetRef dataset = TestData.dataset();
            String token = client.list(dataset).syncSessionToken();
            WireRequest update = client.prepareUpdate(dev.cogsync.model.UpdateRecordsRequest.builder()
                    .dataset(dataset).syncSessionToken(token).addRecordPatch(RecordPatch.replace("k", "v", 0)).build());

            emulator.configureFaults(FaultConfig.builder().connectionClosed(1).build());
            byte[] received = RawHttp.exchange(emulator.endpoint(), update);

            assertThat(received).isEmpty();
            assertThat(emulator.dataset(dataset)).isEmpty();
            assertThat(emulator.counters().faults(FaultKind.CONNECTION_CLOSED)).isEqualTo(1);
            assertThat(emulator.counters().requests(ApiOperation.UPDATE_RECORDS, EmulatorCounters.NO_RESPONSE))
                    .isEqualTo(1);
            assertThatThrownBy(() -> client.send("GET", ResourcePaths.records(dataset), "", null))
                    .isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void appliedThenDropped_appliesTheUpdateButSendsNoByte() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder()
                .faults(FaultConfig.builder().appliedThenDropped(1).build()).start()) {
            TestClient client = new TestClient(emulator);
            DatasetRef dataset = TestData.dataset();
            String token = client.list(dataset).syncSessionToken();
            WireRequest update = client.prepareUpdate(dev.cogsync.model.UpdateRecordsRequest.builder()
                    .dataset(dataset).syncSessionToken(token).addRecordPatch(RecordPatch.replace("k", "v", 0)).build());

            byte[] received = RawHttp.exchange(emulator.endpoint(), update);
            HttpResult retry = client.updateRaw(dataset, token, RecordPatch.replace("k", "v", 0));

            assertThat(received).isEmpty();
            DatasetSnapshot applied = emulator.dataset(dataset).orElseThrow();
            assertThat(applied.value("k")).isEqualTo("v");
            assertThat(applied.syncCount()).isEqualTo(1);
            // A retry of the same request is now stale, and a rejected update is answered normally.
            assertThat(retry.status()).isEqualTo(409);
            assertThat(retry.message()).isEqualTo("Current SyncCount for: k is: 1 not: 0");
            assertThat(client.list(dataset).datasetSyncCount()).isEqualTo(1);
            assertThat(emulator.counters().faults(FaultKind.APPLIED_THEN_DROPPED)).isEqualTo(1);
        }
    }

    @Test
    void updateRecordsOnlyScope_leavesOtherOperationsAlone() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().faults(FaultConfig.builder()
                .internalError(1).scope(FaultScope.UPDATE_RECORDS_ONLY).build()).start()) {
            TestClient client = new TestClient(emulator);
            DatasetRef dataset = TestData.dataset();

            HttpResult list = client.send("GET", ResourcePaths.records(dataset), "", null);
            HttpResult update = client.updateRaw(dataset, list.listRecords().syncSessionToken(),
                    RecordPatch.replace("k", "v", 0));

            assertThat(list.status()).isEqualTo(200);
            assertThat(update.status()).isEqualTo(500);
        }
    }

    @Test
    void theSameSeedAndRequests_giveTheSameFaults() {
        FaultConfig faults = FaultConfig.builder().internalError(0.3).serviceUnavailable(0.3).build();
        List<Integer> first = statuses(EmulatorConfig.builder().seed(42).faults(faults).build(), 40);
        List<Integer> second = statuses(EmulatorConfig.builder().seed(42).faults(faults).build(), 40);
        List<Integer> otherSeed = statuses(EmulatorConfig.builder().seed(43).faults(faults).build(), 40);

        assertThat(first).isEqualTo(second).contains(200, 500, 503);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void reset_restartsTheFaultSequence() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().seed(7)
                .faults(FaultConfig.builder().internalError(0.5).build()).start()) {
            TestClient client = new TestClient(emulator);
            String path = ResourcePaths.records(TestData.dataset());
            List<Integer> before = new ArrayList<>();
            List<Integer> after = new ArrayList<>();

            for (int i = 0; i < 20; i++) {
                before.add(client.send("GET", path, "", null).status());
            }
            emulator.reset();
            for (int i = 0; i < 20; i++) {
                after.add(client.send("GET", path, "", null).status());
            }

            assertThat(after).isEqualTo(before).contains(200, 500);
        }
    }

    private static List<Integer> statuses(EmulatorConfig config, int requests) {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.start(config)) {
            TestClient client = new TestClient(emulator);
            String path = ResourcePaths.records(TestData.dataset());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                statuses.add(client.send("GET", path, "", null).status());
            }
            return statuses;
        }
    }
}
