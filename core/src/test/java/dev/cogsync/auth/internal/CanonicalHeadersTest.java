package dev.cogsync.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogsync.protocol.HttpHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalHeadersTest {

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("value", "value"),
                Arguments.of("  value  ", "value"),
                Arguments.of("\"a   b   c\"", "\"a b c\""),
                Arguments.of("a\tb", "a b"),
                Arguments.of("value1\n  value2\n     value3", "value1 value2 value3"),
                Arguments.of("value1\r\n value2", "value1 value2"),
                Arguments.of("", ""),
                Arguments.of("   ", ""));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @MethodSource("values")
    void values_areTrimmedAndFolded(String value, String expected) {
        CanonicalHeaders headers = CanonicalHeaders.select(List.of(new HttpHeader("X-Test", value)), name -> true);
        StringBuilder out = new StringBuilder();

        headers.appendTo(out);

        assertThat(out).hasToString("x-test:" + expected + "\n");
    }

    /** Compares with a plain reference, below and above the size where sorting switches algorithm. */
    @Property
    void select_matchesAReferenceImplementation(@ForAll("headerLists") List<HttpHeader> headers) {
        CanonicalHeaders canonical = CanonicalHeaders.select(headers, name -> !name.equals("skip-me"));
        StringBuilder out = new StringBuilder();
        canonical.appendTo(out);

        Map<String, List<String>> grouped = new TreeMap<>();
        for (HttpHeader header : headers) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (!name.equals("skip-me")) {
                grouped.computeIfAbsent(name, n -> new ArrayList<>()).add(header.value().trim());
            }
        }
        StringBuilder expected = new StringBuilder();
        grouped.forEach((name, values) -> expected.append(name).append(':').append(String.join(",", values))
                .append('\n'));
        assertThat(out).hasToString(expected.toString());
        assertThat(canonical.signedHeaders()).isEqualTo(String.join(";", grouped.keySet()));
        grouped.keySet().forEach(name -> assertThat(canonical.contains(name)).isTrue());
    }

    @Provide
    Arbitrary<List<HttpHeader>> headerLists() {
        Arbitrary<String> names = Arbitraries.of("Host", "host", "X-Amz-Date", "My-Header", "my-header", "a", "B",
                "skip-me", "Content-Type", "z-last");
        // Values without inner whitespace runs, so the reference only has to trim.
        Arbitrary<String> values = Arbitraries.strings().withChars("ab1 ").ofMaxLength(4)
                .filter(value -> !value.trim().contains("  "));
        return names.list().ofMaxSize(60).flatMap(nameList -> values.list().ofSize(nameList.size())
                .map(valueList -> {
                    List<HttpHeader> headers = new ArrayList<>();
                    for (int i = 0; i < nameList.size(); i++) {
                        headers.add(new HttpHeader(nameList.get(i), valueList.get(i)));
                    }
                    return headers;
                }));
    }
}
