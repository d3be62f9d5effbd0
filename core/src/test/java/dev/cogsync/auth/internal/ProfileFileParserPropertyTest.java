package dev.cogsync.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ProfileFileParserPropertyTest {

    private static final String MESSAGE = "line \\d+: (expected 'name = value'|property before the first \\[section\\] "
            + "header|section header is missing '\\]'|unexpected text after the section header|empty section name"
            + "|property without a name)";

    @Provide
    Arbitrary<Map<String, Map<String, String>>> profiles() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcxyz019-_./@").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> keys =
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz_").ofMinLength(1).ofMaxLength(20);
        // Values as AWS keys and tokens look: base64-like, never with whitespace. A value cannot start with # or ;
        // when whitespace precedes it, because the format reads that as a comment.
        Arbitrary<String> values = Arbitraries.strings().alpha().numeric().withChars("/+=#;")
                .ofMinLength(1).ofMaxLength(60)
                .filter(value -> !value.startsWith("#") && !value.startsWith(";"));
        return Arbitraries.maps(names, Arbitraries.maps(keys, values).ofMaxSize(5)).ofMaxSize(5);
    }

    /** Writes the profiles with varied spacing, comments and line endings, as people do by hand. */
    private static String render(Map<String, Map<String, String>> profiles, ProfileFileKind kind, long seed) {
        Random random = new Random(seed);
        String[] endings = {"\n", "\r\n"};
        String[] spaces = {"", " ", "  ", "\t"};
        StringBuilder text = new StringBuilder();
        profiles.forEach((name, properties) -> {
            String ending = endings[random.nextInt(endings.length)];
            if (random.nextBoolean()) {
                text.append(random.nextBoolean() ? "# " : "; ").append("about ").append(name).append(ending);
            }
            text.append('[').append(spaces[random.nextInt(4)]).append(kind.sectionHeader(name), 1,
                    kind.sectionHeader(name).length() - 1).append(spaces[random.nextInt(4)]).append(']');
            text.append(random.nextBoolean() ? " # section" : "").append(ending);
            properties.forEach((key, value) -> {
                text.append(key).append(spaces[random.nextInt(4)]).append('=').append(spaces[random.nextInt(4)])
                        .append(value);
                text.append(random.nextBoolean() ? " ; comment" : spaces[random.nextInt(4)]).append(ending);
                if (random.nextInt(4) == 0) {
                    text.append(ending);
                }
            });
        });
        return text.toString();
    }

    @Property
    void parse_readsBackWhatWasWritten_inEitherFile(
            @ForAll("profiles") Map<String, Map<String, String>> profiles, @ForAll long seed) {
        for (ProfileFileKind kind : ProfileFileKind.values()) {
            ProfileFile parsed = ProfileFileParser.parse(render(profiles, kind, seed), kind);

            assertThat(parsed.profiles()).isEqualTo(profiles);
        }
    }

    @Property
    void parse_failsOnlyWithMessagesThatCarryNoInput(@ForAll String text) {
        for (ProfileFileKind kind : ProfileFileKind.values()) {
            try {
                ProfileFileParser.parse(text, kind);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).matches(MESSAGE);
            }
        }
    }

    @Property
    void parse_failsOnlyWithMessagesThatCarryNoInput_forLineShapedText(@ForAll("lines") String text) {
        for (ProfileFileKind kind : ProfileFileKind.values()) {
            try {
                ProfileFileParser.parse(text, kind);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).matches(MESSAGE);
            }
        }
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("[default]", "[profile dev]", "[dev", "[]", "[x] y", "= v", "k = v", "  indented", "#c",
                        "", "\t", "secretvalue"),
                Arbitraries.strings().withChars("[]=#; \tabc").ofMaxLength(12));
        return line.list().ofMaxSize(12).map(parts -> String.join("\n", parts));
    }

    @Property
    void parse_neverLosesAProfileToADuplicateSection(@ForAll("profiles") Map<String, Map<String, String>> profiles) {
        // Writing every profile twice, split in halves, merges back to the same properties.
        StringBuilder text = new StringBuilder();
        Map<String, Map<String, String>> secondHalves = new LinkedHashMap<>();
        profiles.forEach((name, properties) -> {
            text.append('[').append(name).append("]\n");
            int i = 0;
            Map<String, String> rest = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : properties.entrySet()) {
                if (i++ % 2 == 0) {
                    text.append(entry.getKey()).append(" = ").append(entry.getValue()).append('\n');
                } else {
                    rest.put(entry.getKey(), entry.getValue());
                }
            }
            secondHalves.put(name, rest);
        });
        secondHalves.forEach((name, rest) -> {
            text.append('[').append(name).append("]\n");
            rest.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        });

        assertThat(ProfileFileParser.parse(text.toString(), ProfileFileKind.CREDENTIALS).profiles())
                .isEqualTo(profiles);
    }
}
