package dev.cogsync.protocol;

import dev.cogsync.exception.ValidationException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.UpdateRecordsRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a server reads an UpdateRecords body: exactly one JSON document, no member twice, valid UTF-8, and for any
 * bytes at all either a valid request or a {@link ValidationException} naming the body, never anything else.
 */
class StrictRequestParsingTest {

    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:0f0e0d0c-0000-4000-8000-000000000001",
            "us-east-1:11111111-2222-3333-4444-555555555555", "settings");
    private static final String VALID = "{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\","
            + "\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0}]}";

    private static UpdateRecordsRequest decode(byte[] body) {
        return UpdateRecordsCodec.decodeRequest(DATASET, null, body, 0, body.length);
    }

    private static UpdateRecordsRequest decode(String body) {
        return decode(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneValidDocumentIsRead() {
        assertThat(decode(VALID).recordPatches()).hasSize(1);
        assertThat(decode("  " + VALID + " \n").recordPatches()).as("whitespace around it").hasSize(1);
    }

    @Test
    void trailingContentIsRefused() {
        for (String trailing : new String[]{"x", "{}", VALID, "]", "null"}) {
            assertThatThrownBy(() -> decode(VALID + trailing)).as(trailing).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("body");
        }
    }

    @Test
    void aMemberNamedTwiceIsRefusedInTheRequestAndInAPatch() {
        assertThatThrownBy(() -> decode("{\"SyncSessionToken\":\"t\",\"RecordPatches\":[],\"RecordPatches\":"
                + "[{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"v\",\"SyncCount\":0}]}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("RecordPatches");
        assertThatThrownBy(() -> decode("{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\","
                + "\"Key\":\"a\",\"Key\":\"b\",\"Value\":\"v\",\"SyncCount\":0}]}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Key");
    }

    @Test
    void invalidUtf8IsRefusedOverlongFormsIncluded() {
        byte[] overlong = VALID.replace("\"k\"", "\"ov__\"").getBytes(StandardCharsets.UTF_8);
        int at = new String(overlong, StandardCharsets.ISO_8859_1).indexOf("__");
        overlong[at] = (byte) 0xC0;
        overlong[at + 1] = (byte) 0xAF;
        assertThatThrownBy(() -> decode(overlong)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("UTF-8");
        assertThat(decode(VALID.replace("\"v\"", "\"\uD83D\uDE00 \u00e9\u20ac\"")).recordPatches().get(0).value())
                .isEqualTo("\uD83D\uDE00 \u00e9\u20ac");
    }

    @Property(tries = 2000)
    void theUtf8CheckAgreesWithTheJdksStrictDecoder(@ForAll("bytes") byte[] bytes) {
        boolean jdk;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            jdk = true;
        } catch (CharacterCodingException e) {
            jdk = false;
        }
        assertThat(JsonFormat.isValidUtf8(bytes, 0, bytes.length)).isEqualTo(jdk);
    }

    @Property(tries = 3000)
    void anyBodyIsEitherAValidRequestOrAValidationErrorNamingTheBody(@ForAll("bodies") byte[] body) {
        try {
            UpdateRecordsRequest request = decode(body);
            assertThat(request.dataset()).isEqualTo(DATASET);
        } catch (ValidationException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 1000)
    void anyCognitoIdentityBodyIsEitherReadOrAnIllegalArgument(@ForAll("bodies") byte[] body) {
        try {
            CognitoIdentityCodec.parseRequest(body);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12),
                Arbitraries.of((byte) 0xC0, (byte) 0xC2, (byte) 0xE0, (byte) 0xED, (byte) 0xF0, (byte) 0xF4,
                        (byte) 0xF5, (byte) 0x80, (byte) 0xBF, (byte) 0xA0, (byte) 0x9F, (byte) 0x8F, (byte) 0x90,
                        (byte) 0x41).array(byte[].class).ofMaxSize(8));
    }

    /** Valid bodies, mutated: a byte changed, a slice cut, a slice repeated, or random bytes. */
    @Provide
    Arbitrary<byte[]> bodies() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        Arbitrary<byte[]> changed = Arbitraries.integers().between(0, valid.length - 1)
                .flatMap(at -> Arbitraries.bytes().map(b -> {
                    byte[] copy = valid.clone();
                    copy[at] = b;
                    return copy;
                }));
        Arbitrary<byte[]> cut = Arbitraries.integers().between(0, valid.length)
                .map(n -> java.util.Arrays.copyOf(valid, n));
        Arbitrary<byte[]> doubled = Arbitraries.integers().between(0, valid.length).map(n -> {
            byte[] twice = new byte[valid.length + n];
            System.arraycopy(valid, 0, twice, 0, valid.length);
            System.arraycopy(valid, 0, twice, valid.length, n);
            return twice;
        });
        return Arbitraries.oneOf(changed, cut, doubled, Arbitraries.bytes().array(byte[].class).ofMaxSize(64));
    }
}
