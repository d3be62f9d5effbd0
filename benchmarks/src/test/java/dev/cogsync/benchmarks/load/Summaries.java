package dev.cogsync.benchmarks.load;

import dev.cogsync.workload.PatchMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Summaries with known numbers, for the renderers' tests. */
final class Summaries {

    static final String TARGET = "the embedded emulator at http://127.0.0.1:4000";

    private Summaries() {
    }

    /** A run with failures of two kinds. */
    static LoadSummary withFailures() {
        Map<String, Long> failures = new LinkedHashMap<>();
        failures.put("InternalErrorException", 5L);
        failures.put("TransportException", 2L);
        return new LoadSummary(LoadOptions.defaults(), TARGET, 1_234_567, 1_234_560, 7, failures, 20_000, 8, 9, 0,
                Duration.ofMillis(10_500), new LatencySummary(1.25, 9.5, 20.125, 350), false);
    }

    /** An interrupted run in which nothing was acknowledged and no UpdateRecords was sent. */
    static LoadSummary withNothingAcknowledged() {
        return new LoadSummary(LoadOptions.defaults().toBuilder().mode(PatchMode.PER_PATCH).patches(3).build(), TARGET,
                3, 0, 3, Map.of("NotAuthorizedException", 3L), 0, 3, 0, 0, Duration.ofMillis(40), null, true);
    }
}
