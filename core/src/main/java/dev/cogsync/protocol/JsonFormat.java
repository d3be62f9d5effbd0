package dev.cogsync.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.cogsync.model.Constraints;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

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

    /**
     * What a server reads requests with: {@link #FACTORY}, and a member named twice in one object is an error
     * rather than the last one winning.
     */
    static final JsonFactory STRICT_FACTORY = FACTORY.rebuild()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonFormat() {
    }

    /**
     * Whether bytes are well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF, no
     * truncated sequence. Jackson decodes some malformed forms leniently (an overlong {@code C0 AF} becomes
     * {@code /}), so a server checks first.
     *
     * @param bytes the buffer
     * @param offset where the text starts
     * @param length its length
     * @return {@code true} when the text is valid UTF-8
     */
    static boolean isValidUtf8(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                need = 3;
                min = 0x10000;
            } else {
                return false;
            }
            int code = b & (0x3f >> need);
            for (int k = 1; k <= need; k++) {
                if (i + k >= end) {
                    return false;
                }
                int c = bytes[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    return false;
                }
                code = (code << 6) | (c & 0x3f);
            }
            if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
                return false;
            }
            i += need + 1;
        }
        return true;
    }

    /**
     * A scratch buffer per thread, so that encoding allocates only the finished document. Kept only while
     * small, so that one huge document does not pin memory in every thread.
     */
    private static final ThreadLocal<Output> SCRATCH = ThreadLocal.withInitial(() -> new Output(8192));
    private static final int MAX_KEPT_SCRATCH = 256 * 1024;

    /** Writes a document through {@code body} into a byte array of exactly its size. */
    static byte[] write(int sizeHint, JsonBody body) {
        Output bytes = SCRATCH.get();
        bytes.reset(sizeHint);
        try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
            body.writeTo(generator);
        } catch (IOException e) {
            // Writing into memory cannot fail on I/O; anything here is a programming error.
            throw new IllegalStateException("JSON encoding failed", e);
        } finally {
            if (bytes.capacity() > MAX_KEPT_SCRATCH) {
                SCRATCH.remove();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * An unsynchronized, growable byte array. Jackson's own builder keeps a list of segments and copies twice;
     * this one is reused by its thread and copied once.
     */
    private static final class Output extends OutputStream {
        private byte[] buffer;
        private int size;

        Output(int capacity) {
            buffer = new byte[capacity];
        }

        void reset(int sizeHint) {
            size = 0;
            if (sizeHint > buffer.length) {
                buffer = new byte[sizeHint];
            }
        }

        int capacity() {
            return buffer.length;
        }

        @Override
        public void write(int b) {
            ensure(1);
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ensure(length);
            System.arraycopy(bytes, offset, buffer, size, length);
            size += length;
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
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
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            // The common form, 1704164645.678: read from the parser's buffer, without making a String.
            Instant fast = parseDecimal(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            if (fast != null) {
                return fast;
            }
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

    /** {@code digits.digits}, at most 18 whole and 9 fractional digits; {@code null} for any other form. */
    private static Instant parseDecimal(char[] text, int offset, int length) {
        int end = offset + length;
        long seconds = 0;
        int i = offset;
        for (; i < end && text[i] != '.'; i++) {
            char c = text[i];
            if (c < '0' || c > '9' || i - offset >= 18) {
                return null;
            }
            seconds = seconds * 10 + (c - '0');
        }
        if (i == offset || i == end || end - i - 1 > 9 || end - i - 1 == 0) {
            return null;
        }
        int nanos = 0;
        int digits = 0;
        for (i++; i < end; i++, digits++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return null;
            }
            nanos = nanos * 10 + (c - '0');
        }
        for (; digits < 9; digits++) {
            nanos *= 10;
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Parses {@code 1704164645.678} without BigDecimal on the common path; other forms fall back to it. */
    static Instant parseEpochSeconds(String text) {
        Instant fast = parseDecimal(text.toCharArray(), 0, text.length());
        if (fast != null) {
            return fast;
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
