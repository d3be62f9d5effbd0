package dev.cogsync.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the {@code Record} shape, which UpdateRecords and ListRecords responses share. */
final class RecordJson {

    /** The members of a record in the order the service writes them, encoded once. */
    private static final SerializedString[] ORDER = {new SerializedString("Key"), new SerializedString("Value"),
            new SerializedString("SyncCount"), new SerializedString("LastModifiedDate"),
            new SerializedString("LastModifiedBy"), new SerializedString("DeviceLastModifiedDate")};

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
        return readRecords(parser, null);
    }

    /**
     * Reads the array the parser is positioned on, reusing what the request sent where the response repeats it.
     *
     * <p>An UpdateRecords response lists the records in request order, with the keys and values the request
     * carried, and the same modification date and author for all of them. Strings and instants equal to those
     * are taken from {@code sent} or the previous record rather than allocated again: for a client writing
     * hundreds of thousands of patches a second, that is most of the garbage a response makes.
     *
     * @param sent the request's patches in order, or {@code null}
     */
    static List<Record> readRecords(JsonParser parser, List<RecordPatch> sent) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        JsonFormat.expect(parser, JsonToken.START_ARRAY, "Records");
        List<Record> records = new ArrayList<>(sent == null ? 10 : sent.size());
        Record previous = null;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            RecordPatch hint = sent != null && records.size() < sent.size() ? sent.get(records.size()) : null;
            previous = readRecord(parser, hint, previous);
            records.add(previous);
        }
        return records;
    }

    private static Record readRecord(JsonParser parser, RecordPatch hint, Record previous) throws IOException {
        JsonFormat.expect(parser, JsonToken.START_OBJECT, "a record");
        String key = null;
        String value = null;
        long syncCount = 0;
        Instant lastModifiedDate = null;
        String lastModifiedBy = null;
        Instant deviceLastModifiedDate = null;
        int expected = 0;
        while (true) {
            String field;
            // Members usually come in the order the service writes them: match the next expected name on the raw
            // bytes, and fall back to the name the parser found when the order differs.
            if (expected < ORDER.length && parser.nextFieldName(ORDER[expected])) {
                field = ORDER[expected++].getValue();
            } else {
                JsonToken next = expected < ORDER.length ? parser.currentToken() : parser.nextToken();
                if (next != JsonToken.FIELD_NAME) {
                    break;
                }
                field = parser.currentName();
                expected = positionAfter(field);
            }
            parser.nextToken();
            switch (field) {
                case "Key" -> key = reuse(parser, hint == null ? null : hint.key());
                case "Value" -> value = reuse(parser, hint == null ? null : hint.value());
                case "SyncCount" -> syncCount = JsonFormat.readLong(parser);
                case "LastModifiedDate" -> lastModifiedDate = same(JsonFormat.readEpochSeconds(parser),
                        previous == null ? null : previous.lastModifiedDate());
                case "LastModifiedBy" -> lastModifiedBy = reuse(parser,
                        previous == null ? null : previous.lastModifiedBy());
                case "DeviceLastModifiedDate" -> deviceLastModifiedDate = JsonFormat.readEpochSeconds(parser);
                default -> parser.skipChildren();
            }
        }
        JsonFormat.expect(parser, JsonToken.END_OBJECT, "a record");
        if (key == null) {
            throw new MalformedJsonException("a record has no Key", parser);
        }
        return new Record(key, value, syncCount, lastModifiedDate, lastModifiedBy, deviceLastModifiedDate);
    }

    private static int positionAfter(String field) {
        for (int i = 0; i < ORDER.length; i++) {
            if (ORDER[i].getValue().equals(field)) {
                return i + 1;
            }
        }
        return ORDER.length;
    }

    /** The string at the parser: {@code candidate} itself when equal, so that no new String is made. */
    private static String reuse(JsonParser parser, String candidate) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new MalformedJsonException("expected a string, found " + token, parser);
        }
        if (candidate != null) {
            int length = parser.getTextLength();
            if (candidate.length() == length) {
                char[] text = parser.getTextCharacters();
                int offset = parser.getTextOffset();
                boolean equal = true;
                for (int i = 0; i < length && equal; i++) {
                    equal = text[offset + i] == candidate.charAt(i);
                }
                if (equal) {
                    return candidate;
                }
            }
        }
        return parser.getText();
    }

    private static Instant same(Instant parsed, Instant previous) {
        return parsed != null && parsed.equals(previous) ? previous : parsed;
    }
}
