package dev.cogsync.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cogsync.model.Record;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the {@code Record} shape, which UpdateRecords and ListRecords responses share. */
final class RecordJson {

    private RecordJson() {
    }

    static void writeRecords(JsonGenerator generator, List<Record> records) throws IOException {
        generator.writeArrayFieldStart("Records");
        for (Record record : records) {
            generator.writeStartObject();
            generator.writeStringField("Key", record.key());
            if (record.value() != null) {
                generator.writeStringField("Value", record.value());
            }
            generator.writeNumberField("SyncCount", record.syncCount());
            JsonFormat.writeEpochSeconds(generator, "LastModifiedDate", record.lastModifiedDate());
            if (record.lastModifiedBy() != null) {
                generator.writeStringField("LastModifiedBy", record.lastModifiedBy());
            }
            JsonFormat.writeEpochSeconds(generator, "DeviceLastModifiedDate", record.deviceLastModifiedDate());
            generator.writeEndObject();
        }
        generator.writeEndArray();
    }

    /** Reads the array the parser is positioned on; a JSON null reads as an empty list. */
    static List<Record> readRecords(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        JsonFormat.expect(parser, JsonToken.START_ARRAY, "Records");
        List<Record> records = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            records.add(readRecord(parser));
        }
        return records;
    }

    private static Record readRecord(JsonParser parser) throws IOException {
        JsonFormat.expect(parser, JsonToken.START_OBJECT, "a record");
        String key = null;
        String value = null;
        long syncCount = 0;
        Instant lastModifiedDate = null;
        String lastModifiedBy = null;
        Instant deviceLastModifiedDate = null;
        String field;
        while ((field = parser.nextFieldName()) != null) {
            parser.nextToken();
            switch (field) {
                case "Key" -> key = JsonFormat.readString(parser);
                case "Value" -> value = JsonFormat.readString(parser);
                case "SyncCount" -> syncCount = JsonFormat.readLong(parser);
                case "LastModifiedDate" -> lastModifiedDate = JsonFormat.readEpochSeconds(parser);
                case "LastModifiedBy" -> lastModifiedBy = JsonFormat.readString(parser);
                case "DeviceLastModifiedDate" -> deviceLastModifiedDate = JsonFormat.readEpochSeconds(parser);
                default -> parser.skipChildren();
            }
        }
        if (key == null) {
            throw new MalformedJsonException("a record has no Key", parser);
        }
        return new Record(key, value, syncCount, lastModifiedDate, lastModifiedBy, deviceLastModifiedDate);
    }
}
