package dev.cogsync.auth.internal;

import dev.cogsync.protocol.PercentEncoding;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class CanonicalQueryTest {

    @Property
    void canonicalQuery_isIdempotent(@ForAll @StringLength(max = 40) String query) {
        String once = canonical(query);

        assertThat(canonical(once)).isEqualTo(once);
    }

    @Property
    void canonicalQuery_ignoresParameterOrder(
            @ForAll @Size(max = 8) List<@Chars({'=', '%', '+', 'ሴ', ' '}) @CharRange(from = 'a', to = 'c')
                    @StringLength(min = 1, max = 6) String> parameters,
            @ForAll long seed) {
        List<String> shuffled = new ArrayList<>(parameters);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(canonical(String.join("&", shuffled))).isEqualTo(canonical(String.join("&", parameters)));
    }

    /** The fast path copies text it judges canonical; re-encoding such text must give it back unchanged. */
    @Property
    void isCanonical_onlyForTextThatReencodesToItself(
            @ForAll @Chars({'%', 'A', 'F', 'a', '2', '7', 'E', '~', '-', 'ሴ'}) @StringLength(max = 12) String text) {
        if (PercentEncoding.isCanonical(text, 0, text.length())) {
            byte[] bytes = new byte[text.length() * 3];
            int length = PercentEncoding.decode(text, 0, text.length(), bytes);
            StringBuilder reencoded = new StringBuilder();
            PercentEncoding.appendEncoded(reencoded, bytes, length);
            assertThat(reencoded).hasToString(text);
        }
    }

    private static String canonical(String query) {
        StringBuilder out = new StringBuilder();
        CanonicalQuery.append(out, query);
        return out.toString();
    }
}
