package dev.cogsync.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.cogsync.model.Constraints;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The one JSON factory of the protocol layer, and the rest-json conventions the codecs share. */
final class JsonFormat {

    /**
     * Thread-safe and meant to be shared. Strings may be a full 1 MiB record value, escaped; the default
     * 20 MB string limit already covers that, and the nesting depth of these documents is tiny.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Math.max(StreamReadConstraints.DEFAULT_MAX_STRING_LEN,
                            Constraints.MAX_VALUE_LENGTH * 6 + 64))
                    .maxNestingDepth(64)
                    .build())
            // Write characters outside the BMP as UTF-8, not as escaped surrogate pairs: smaller, and what
            // other AWS clients send.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private JsonFormat() {
    }

    /** Writes a document through {@code body} into a byte array. */
    static byte[] write(int sizeHint, JsonBody body) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(sizeHint)) {
            try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
                body.writeTo(generator);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            // Writing into memory cannot fail on I/O; anything here is a programming error.
            throw new IllegalStateException("JSON encoding failed", e);
        }
    }

    /** Writes an instant as epoch seconds, with a fraction only when it has one: {@code 1704164645.678}. */
    static void writeEpochSeconds(JsonGenerator generator, String field, Instant instant) throws IOException {
        if (instant == null) {
            return;
        }
        generator.writeFieldName(field);
        int nanos = instant.getNano();
        if (nanos == 0) {
            generator.writeNumber(instant.getEpochSecond());
            return;
        }
        long seconds = instant.getEpochSecond();
        if (seconds < 0) {
            generator.writeNumber(BigDecimal.valueOf(seconds).add(BigDecimal.valueOf(nanos, 9))
                    .stripTrailingZeros().toPlainString());
            return;
        }
        StringBuilder text = new StringBuilder(21).append(seconds).append('.');
        String fraction = Integer.toString(nanos + 1_000_000_000).substring(1);
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
            end--;
        }
        generator.writeNumber(text.append(fraction, 0, end).toString());
    }

    /** Reads epoch seconds with an optional fraction; also accepts a numeric or ISO-8601 string. */
    static Instant readEpochSeconds(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return Instant.ofEpochSecond(parser.getLongValue());
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_STRING) {
            String text = parser.getText().trim();
            Instant parsed = parseEpochSeconds(text);
            if (parsed != null) {
                return parsed;
            }
            if (token == JsonToken.VALUE_STRING) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    throw new MalformedJsonException("a timestamp must be epoch seconds or ISO-8601", parser);
                }
            }
        }
        throw new MalformedJsonException("a timestamp must be epoch seconds, found " + token, parser);
    }

    /** Parses {@code 1704164645.678} without BigDecimal on the common path; other forms fall back to it. */
    static Instant parseEpochSeconds(String text) {
        int dot = text.indexOf('.');
        int length = text.length();
        if (dot > 0 && dot < 19 && length - dot - 1 <= 9 && allDigits(text, 0, dot) && allDigits(text, dot + 1, length)) {
            long seconds = Long.parseLong(text, 0, dot, 10);
            int nanos = 0;
            for (int i = dot + 1; i < dot + 10; i++) {
                nanos = nanos * 10 + (i < length ? text.charAt(i) - '0' : 0);
            }
            return Instant.ofEpochSecond(seconds, nanos);
        }
        try {
            BigDecimal decimal = new BigDecimal(text);
            BigDecimal seconds = decimal.setScale(0, java.math.RoundingMode.FLOOR);
            int nanos = decimal.subtract(seconds).movePointRight(9).setScale(0, java.math.RoundingMode.DOWN)
                    .intValueExact();
            return Instant.ofEpochSecond(seconds.longValueExact(), nanos);
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Reads a string member; {@code null} for a JSON null. */
    static String readString(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new MalformedJsonException("expected a string, found " + token, parser);
    }

    /** Reads a whole-number member. */
    static long readLong(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        throw new MalformedJsonException("expected an integer, found " + token, parser);
    }

    /** Reads a boolean member; a JSON null reads as {@code false}. */
    static boolean readBoolean(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        throw new MalformedJsonException("expected a boolean, found " + token, parser);
    }

    /** Requires the parser to be at the start of an object. */
    static void expect(JsonParser parser, JsonToken expected, String what) throws IOException {
        if (parser.currentToken() != expected) {
            throw new MalformedJsonException(what + " must be " + expected + ", found " + parser.currentToken(),
                    parser);
        }
    }

    /** A document being written. */
    @FunctionalInterface
    interface JsonBody {
        void writeTo(JsonGenerator generator) throws IOException;
    }
}
