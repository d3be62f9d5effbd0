package dev.cogsync.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/, /",
        "'', /",
        "a/b, /a/b",
        "/a/b/, /a/b/",
        "//a//b//, /a/b/",
        "/a/./b, /a/b",
        "/a/b/., /a/b/",
        "/a/b/.., /a/",
        "/a/b/../.., /",
        "/../../a, /a",
        "/a/../b/./c/.., /b/",
        "/..., /...",
        "/.a/..b/, /.a/..b/",
    })
    void normalize_followsRfc3986AndCollapsesSlashes(String path, String expected) {
        assertThat(CanonicalPath.normalize(path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/us-east-1%3A23EC, /us-east-1%253A23EC",
        "/us-east-1:23EC, /us-east-1%3A23EC",
        "/a b/c+d, /a%20b/c%2Bd",
        "/ሴ, /%E1%88%B4",
        "/$delete, /%24delete",
    })
    void append_encodesEverythingButUnreservedAndSlash(String path, String expected) {
        StringBuilder out = new StringBuilder();

        CanonicalPath.append(out, path, true);

        assertThat(out).hasToString(expected);
    }

    /** The fast path skips normalising when this says so; it must never skip a path that would change. */
    @Property
    void needsNormalizing_isFalseOnlyForPathsThatNormalizingLeavesAlone(
            @ForAll @Chars({'/', '.', 'a'}) @StringLength(max = 12) String path) {
        if (!CanonicalPath.needsNormalizing(path)) {
            assertThat(CanonicalPath.normalize(path)).isEqualTo(path);
        }
    }

    @Property
    void normalize_isIdempotent(@ForAll @Chars({'/', '.'}) @CharRange(from = 'a', to = 'c') @StringLength(max = 16)
            String path) {
        String once = CanonicalPath.normalize(path);

        assertThat(CanonicalPath.normalize(once)).isEqualTo(once);
        assertThat(CanonicalPath.needsNormalizing(once)).isFalse();
    }
}
