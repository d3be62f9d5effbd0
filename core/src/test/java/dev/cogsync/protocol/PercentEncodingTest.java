package dev.cogsync.protocol;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PercentEncodingTest {

    @Test
    void leavesOnlyUnreservedCharactersBare() {
        assertThat(PercentEncoding.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
        assertThat(PercentEncoding.encode("us-east-1:abc")).isEqualTo("us-east-1%3Aabc");
        assertThat(PercentEncoding.encode("a b+c/d=e&f%")).isEqualTo("a%20b%2Bc%2Fd%3De%26f%25");
        assertThat(PercentEncoding.encode("ሴ😀")).isEqualTo("%E1%88%B4%F0%9F%98%80");
    }

    @Test
    void returnsTheSameInstanceWhenNothingNeedsEncoding() {
        String plain = "game.settings";
        assertThat(PercentEncoding.encode(plain)).isSameAs(plain);
        assertThat(PercentEncoding.decode(plain)).isSameAs(plain);
    }

    @Test
    void decodesEscapesAsUtf8AndKeepsPlusAndStrayPercent() {
        assertThat(PercentEncoding.decode("us-east-1%3aabc")).isEqualTo("us-east-1:abc");
        assertThat(PercentEncoding.decode("%E1%88%B4+x")).isEqualTo("ሴ+x");
        assertThat(PercentEncoding.decode("100%")).isEqualTo("100%");
        assertThat(PercentEncoding.decode("%zz%4")).isEqualTo("%zz%4");
        assertThat(PercentEncoding.decode("raw:ሴ%20")).isEqualTo("raw:ሴ ");
    }

    @Property
    void encodeThenDecodeGivesTheUtf8Bytes(@ForAll String text) {
        StringBuilder encoded = new StringBuilder();
        PercentEncoding.appendEncoded(encoded, text);

        byte[] decoded = new byte[encoded.length() * 3];
        int length = PercentEncoding.decode(encoded.toString(), 0, encoded.length(), decoded);

        assertThat(Arrays.copyOf(decoded, length)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(encoded.toString()).matches("([A-Za-z0-9._~-]|%[0-9A-F]{2})*");
        assertThat(PercentEncoding.decode(encoded.toString()))
                .isEqualTo(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Property
    void encodingBytesAgreesWithEncodingText(@ForAll String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder fromBytes = new StringBuilder();
        StringBuilder fromText = new StringBuilder();

        PercentEncoding.appendEncoded(fromBytes, bytes, bytes.length);
        PercentEncoding.appendEncoded(fromText, text);

        assertThat(fromBytes.toString()).isEqualTo(fromText.toString()).isEqualTo(PercentEncoding.encode(text));
    }
}
