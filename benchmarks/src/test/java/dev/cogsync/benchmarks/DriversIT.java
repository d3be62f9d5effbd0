package dev.cogsync.benchmarks;

import dev.cogsync.benchmarks.drivers.Driver;
import dev.cogsync.benchmarks.drivers.SenderDriver;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.Record;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.workload.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JMH driver, outside JMH: on the shared workload, each writer's writes reach its own record, and every
 * write after the first moves that record on.
 */
class DriversIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"managed, 2", "explicit, 2", "plain, 2", "peer, 2", "ceiling, 8"})
    void eachWriterWritesItsOwnRecord(String name, int datasetsWritten) {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            try (Driver driver = Drivers.create(name, emulator, 2)) {
                driver.prepare(8);
                for (int round = 0; round < 3; round++) {
                    for (int w = 0; w < 8; w++) {
                        driver.write(w).block(TIMEOUT);
                    }
                }
            }

            List<Record> records = new ArrayList<>();
            try (CognitoSyncClient client = SenderDriver.client(emulator, 4)) {
                for (int d = 0; d < datasetsWritten; d++) {
                    records.addAll(client.listLiveRecords(ListRecordsRequest.of(
                            Workload.dataset(Workload.DEFAULT_IDENTITY_POOL_ID, d))).collectList().block(TIMEOUT));
                }
            }
            // A key per writer, 32-byte values, each record written at least three times since it was created.
            assertThat(records).hasSize(8).allSatisfy(record -> {
                assertThat(record.value()).hasSize(Drivers.VALUE_BYTES);
                assertThat(record.syncCount()).isGreaterThanOrEqualTo(3);
            });
        }
    }
}
