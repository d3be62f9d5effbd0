package dev.cogsync.benchmarks.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a {@link LoadSummary} as JSON with jackson-core's streaming generator. The keys, in order:
 * {@code patchesSubmitted}, {@code patchesAcknowledged}, {@code patchesFailed}, {@code failuresByError} (error
 * name to count), {@code updateRecordsCalls}, {@code listRecordsCalls}, {@code patchesPerCall} (null without
 * calls), {@code retries}, {@code throttled}, {@code durationSeconds}, {@code patchesPerSecond},
 * {@code latencyMillis} ({@code p50}, {@code p95}, {@code p99}, {@code max}; each null when nothing was
 * acknowledged),
 * then the run's shape: {@code mode}, {@code writers}, {@code datasets}, {@code keysPerDataset},
 * {@code valueBytes}, and {@code interrupted} (whether the process was asked to stop early).
 */
final class SummaryJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private SummaryJson() {
    }

    /**
     * Writes the summary to a file, replacing it.
     *
     * @param summary the run's summary
     * @param file where to write
     * @throws IOException when the file cannot be written
     */
    static void write(LoadSummary summary, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(summary, out);
        }
    }

    /**
     * Writes the summary, pretty-printed, followed by a newline.
     *
     * @param summary the run's summary
     * @param out where to write; left open
     * @throws IOException when writing fails
     */
    static void write(LoadSummary summary, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("patchesSubmitted", summary.patchesSubmitted());
            json.writeNumberField("patchesAcknowledged", summary.patchesAcknowledged());
            json.writeNumberField("patchesFailed", summary.patchesFailed());
            json.writeObjectFieldStart("failuresByError");
            for (Map.Entry<String, Long> failure : summary.failuresByError().entrySet()) {
                json.writeNumberField(failure.getKey(), failure.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("updateRecordsCalls", summary.updateRecordsCalls());
            json.writeNumberField("listRecordsCalls", summary.listRecordsCalls());
            writeNullable(json, "patchesPerCall", summary.patchesPerCall());
            json.writeNumberField("retries", summary.retries());
            json.writeNumberField("throttled", summary.throttled());
            json.writeNumberField("durationSeconds", summary.durationSeconds());
            json.writeNumberField("patchesPerSecond", summary.patchesPerSecond());
            LatencySummary latency = summary.latency();
            json.writeObjectFieldStart("latencyMillis");
            writeNullable(json, "p50", latency == null ? null : latency.p50Millis());
            writeNullable(json, "p95", latency == null ? null : latency.p95Millis());
            writeNullable(json, "p99", latency == null ? null : latency.p99Millis());
            writeNullable(json, "max", latency == null ? null : latency.maxMillis());
            json.writeEndObject();
            LoadOptions options = summary.options();
            json.writeStringField("mode", options.mode().optionValue());
            json.writeNumberField("writers", options.writers());
            json.writeNumberField("datasets", options.datasets());
            json.writeNumberField("keysPerDataset", options.keys());
            json.writeNumberField("valueBytes", options.valueBytes());
            json.writeBooleanField("interrupted", summary.interrupted());
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
    }

    private static void writeNullable(JsonGenerator json, String name, Double value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }
}
