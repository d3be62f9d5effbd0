package dev.cogsync.benchmarks.load;

import dev.cogsync.workload.PatchMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTableTest {

    @Test
    void rendersAnAlignedTableWithTheFailuresBrokenDown() {
        assertThat(SummaryTable.render(Summaries.withFailures())).isEqualTo("""
                cogsync load: coalesced, 256 writers, 4 datasets x 64 keys, 64-byte values, 10s after a 5s warm-up
                target: the embedded emulator at http://127.0.0.1:4000

                  patches submitted         1,234,567
                  patches acknowledged      1,234,560
                  patches failed                    7
                    InternalErrorException          5
                    TransportException              2
                  UpdateRecords calls          20,000
                  ListRecords calls                 8
                  patches per call              61.73
                  retries                           9
                  throttled responses               0
                  duration                      10.50 s
                  patches/s                 117,577.1
                  latency p50                    1.25 ms
                  latency p95                    9.50 ms
                  latency p99                   20.13 ms
                  latency max                  350.00 ms
                """);
    }

    @Test
    void showsADashForWhatCannotBeComputed() {
        assertThat(SummaryTable.render(Summaries.withNothingAcknowledged())).isEqualTo("""
                cogsync load: per-patch, 256 writers, 4 datasets x 64 keys, 64-byte values, 3 patches after a 5s \
                warm-up (interrupted)
                target: the embedded emulator at http://127.0.0.1:4000

                  patches submitted            3
                  patches acknowledged         0
                  patches failed               3
                    NotAuthorizedException     3
                  UpdateRecords calls          0
                  ListRecords calls            3
                  patches per call             -
                  retries                      0
                  throttled responses          0
                  duration                  0.04 s
                  patches/s                  0.0
                  latency p50                  - ms
                  latency p95                  - ms
                  latency p99                  - ms
                  latency max                  - ms
                """);
    }

    @Test
    void describesTheEmulatorKnobsWhenSet() {
        LoadOptions options = LoadOptions.builder().writers(1).datasets(1).keys(1).valueBytes(0)
                .duration(Duration.ofMillis(1500)).warmup(Duration.ZERO).throttleRps(12.5).faultRate(0.1).seed(7)
                .build();

        assertThat(SummaryTable.describe(options)).isEqualTo("coalesced, 1 writer, 1 dataset x 1 key, 0-byte values, "
                + "1500ms, throttled at 12.5 requests/s per identity, fault rate 0.1 (seed 7)");
    }

    @Test
    void largeNumbersInTheDescriptionAreGrouped() {
        LoadOptions options = LoadOptions.builder().writers(20_000).datasets(2).keys(1_024).valueBytes(1_000)
                .patches(1_500_000).warmup(Duration.ZERO).mode(PatchMode.PER_PATCH).build();

        assertThat(SummaryTable.describe(options)).isEqualTo("per-patch, 20,000 writers, 2 datasets x 1,024 keys, "
                + "1,000-byte values, 1,500,000 patches");
    }

    @Test
    void durationsAreWrittenAsTheyAreTyped() {
        assertThat(SummaryTable.duration(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(SummaryTable.duration(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(SummaryTable.duration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(SummaryTable.duration(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(SummaryTable.duration(Duration.ofHours(3))).isEqualTo("3h");
        assertThat(SummaryTable.duration(Duration.ofNanos(1_500))).isEqualTo("PT0.0000015S");
    }
}
