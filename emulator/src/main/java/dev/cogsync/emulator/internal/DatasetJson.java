package dev.cogsync.emulator.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The responses of DescribeDataset, DeleteDataset ({@code {"Dataset":{...}}}) and ListDatasets
 * ({@code {"Count":n,"Datasets":[...],"NextToken":..}}), which core has no codec for. Dates are epoch seconds
 * with a millisecond fraction when there is one, as the service writes them.
 */
final class DatasetJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private DatasetJson() {
    }

    static byte[] single(DatasetSummary dataset) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(256)) {
            try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
                generator.writeStartObject();
                generator.writeFieldName("Dataset");
                write(generator, dataset);
                generator.writeEndObject();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] list(List<DatasetSummary> datasets, String nextToken) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(64 + 256 * datasets.size())) {
            try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
                generator.writeStartObject();
                generator.writeNumberField("Count", datasets.size());
                generator.writeArrayFieldStart("Datasets");
                for (DatasetSummary dataset : datasets) {
                    write(generator, dataset);
                }
                generator.writeEndArray();
                if (nextToken != null) {
                    generator.writeStringField("NextToken", nextToken);
                }
                generator.writeEndObject();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator generator, DatasetSummary dataset) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("IdentityId", dataset.identityId());
        generator.writeStringField("DatasetName", dataset.datasetName());
        writeDate(generator, "CreationDate", dataset.creationDate());
        writeDate(generator, "LastModifiedDate", dataset.lastModifiedDate());
        if (dataset.lastModifiedBy() != null) {
            generator.writeStringField("LastModifiedBy", dataset.lastModifiedBy());
        }
        generator.writeNumberField("DataStorage", dataset.dataStorage());
        generator.writeNumberField("NumRecords", dataset.numRecords());
        generator.writeEndObject();
    }

    /** Epoch seconds; the emulator's dates are whole milliseconds, so three fraction digits at most. */
    static void writeDate(JsonGenerator generator, String field, Instant date) throws IOException {
        if (date == null) {
            return;
        }
        generator.writeFieldName(field);
        long millis = date.toEpochMilli();
        long seconds = Math.floorDiv(millis, 1000);
        int fraction = Math.floorMod(millis, 1000);
        if (fraction == 0) {
            generator.writeNumber(seconds);
            return;
        }
        String digits = Integer.toString(fraction + 1000).substring(1);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        generator.writeNumber(seconds + "." + digits.substring(0, end));
    }
}
