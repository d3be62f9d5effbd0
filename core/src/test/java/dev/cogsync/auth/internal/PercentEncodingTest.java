package dev.cogsync.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PercentEncodingTest {

    @Property
    void encode_thenDecode_givesTheUtf8Bytes(@ForAll String text) {
        StringBuilder encoded = new StringBuilder();
        PercentEncoding.appendEncoded(encoded, text);

        byte[] decoded = new byte[encoded.length() * 3];
        int length = PercentEncoding.decode(encoded.toString(), 0, encoded.length(), decoded);

        assertThat(java.util.Arrays.copyOf(decoded, length)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(encoded.toString()).matches("([A-Za-z0-9._~-]|%[0-9A-F]{2})*");
    }

    @Property
    void encodingBytes_agreesWithEncodingText(@ForAll String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder fromBytes = new StringBuilder();
        StringBuilder fromText = new StringBuilder();

        PercentEncoding.appendEncoded(fromBytes, bytes, bytes.length);
        PercentEncoding.appendEncoded(fromText, text);

        assertThat(fromBytes.toString()).isEqualTo(fromText.toString());
    }
}
