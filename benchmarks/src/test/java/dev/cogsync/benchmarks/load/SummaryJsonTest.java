package dev.cogsync.benchmarks.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.offset;

class SummaryJsonTest {

    @Test
    void writesEveryKeyInOrder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("summary.json");

        SummaryJson.write(Summaries.withFailures(), file);

        Map<String, Object> json = JsonTree.object(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(json.keySet()).containsExactly("patchesSubmitted", "patchesAcknowledged", "patchesFailed",
                "failuresByError", "updateRecordsCalls", "listRecordsCalls", "patchesPerCall", "retries",
                "throttled", "durationSeconds", "patchesPerSecond", "latencyMillis", "mode", "writers", "datasets",
                "keysPerDataset", "valueBytes", "interrupted");
        assertThat(json).contains(entry("patchesSubmitted", 1_234_567L), entry("patchesAcknowledged", 1_234_560L),
                entry("patchesFailed", 7L), entry("updateRecordsCalls", 20_000L), entry("listRecordsCalls", 8L),
                entry("patchesPerCall", 61.728), entry("retries", 9L), entry("throttled", 0L),
                entry("durationSeconds", 10.5), entry("mode", "coalesced"), entry("writers", 256L),
                entry("datasets", 4L), entry("keysPerDataset", 64L), entry("valueBytes", 64L),
                entry("interrupted", false));
        assertThat((double) json.get("patchesPerSecond")).isCloseTo(1_234_560 / 10.5,
                offset(1e-6));
        assertThat(json.get("failuresByError")).isEqualTo(Map.of("InternalErrorException", 5L,
                "TransportException", 2L));
        assertThat(json.get("latencyMillis")).isEqualTo(Map.of("p50", 1.25, "p95", 9.5, "p99", 20.125,
                "max", 350.0));
    }

    @Test
    void writesNullsForWhatCannotBeComputedButKeepsTheShape() throws IOException {
        StringWriter text = new StringWriter();

        SummaryJson.write(Summaries.withNothingAcknowledged(), text);

        Map<String, Object> json = JsonTree.object(text.toString());
        assertThat(json).containsEntry("patchesPerCall", null).containsEntry("patchesPerSecond", 0.0)
                .containsEntry("mode", "per-patch").containsEntry("interrupted", true);
        Map<String, Object> nulls = new LinkedHashMap<>();
        for (String key : new String[]{"p50", "p95", "p99", "max"}) {
            nulls.put(key, null);
        }
        assertThat(json.get("latencyMillis")).isEqualTo(nulls);
    }
}
