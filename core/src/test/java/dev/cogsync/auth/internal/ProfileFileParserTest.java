package dev.cogsync.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileFileParserTest {

    private static ProfileFile credentials(String text) {
        return ProfileFileParser.parse(text, ProfileFileKind.CREDENTIALS);
    }

    private static ProfileFile config(String text) {
        return ProfileFileParser.parse(text, ProfileFileKind.CONFIG);
    }

    @Test
    void credentialsFile_namesSectionsWithoutPrefix() {
        ProfileFile file = credentials("[default]\na = 1\n[dev]\na = 2\n");

        assertThat(file.profiles()).containsOnlyKeys("default", "dev");
        assertThat(file.profile("dev")).hasValue(Map.of("a", "2"));
    }

    @Test
    void credentialsFile_ignoresProfilePrefixAndRemembersIt() {
        ProfileFile file = credentials("[profile dev]\na = 1\n");

        assertThat(file.profiles()).isEmpty();
        assertThat(file.misnamedSections()).containsExactly(entry("dev", "[profile dev]"));
    }

    @Test
    void configFile_namesSectionsWithPrefixAndDefault() {
        ProfileFile file = config("[default]\na = 1\n[profile dev]\na = 2\n[profile\tqa]\na = 3\n");

        assertThat(file.profiles()).containsOnlyKeys("default", "dev", "qa");
    }

    @Test
    void configFile_ignoresSectionsWithoutPrefixAndRemembersThem() {
        ProfileFile file = config("[dev]\na = 1\n[sso-session corp]\nsso_region = eu-west-1\n[profilex]\nb = 2\n");

        assertThat(file.profiles()).isEmpty();
        assertThat(file.misnamedSections()).containsEntry("dev", "[dev]");
    }

    @Test
    void configFile_prefersProfileDefaultOverBareDefault_inEitherOrder() {
        ProfileFile bareFirst = config("[default]\na = bare\nonly_bare = x\n[profile default]\na = prefixed\n");
        ProfileFile prefixedFirst = config("[profile default]\na = prefixed\n[default]\na = bare\n");

        assertThat(bareFirst.profile("default")).hasValue(Map.of("a", "prefixed"));
        assertThat(prefixedFirst.profile("default")).hasValue(Map.of("a", "prefixed"));
    }

    @Test
    void names_andValues_areTrimmed() {
        ProfileFile file = config("[   profile    dev   ]\n   key   =   some value   \n");

        assertThat(file.profile("dev")).hasValue(Map.of("key", "some value"));
    }

    @Test
    void fullLineComments_areSkipped_alsoWhenIndented() {
        ProfileFile file = credentials("# top\n; top\n[dev]\n# a = 1\n  ; b = 2\nc = 3\n");

        assertThat(file.profile("dev")).hasValue(Map.of("c", "3"));
    }

    @Test
    void inlineComments_needWhitespaceBefore_inValues() {
        ProfileFile file = credentials("[dev]\na = 1 # comment\nb = 2\t; comment\nc = x#y;z\nd = # only a comment\n");

        assertThat(file.profile("dev")).hasValue(Map.of("a", "1", "b", "2", "c", "x#y;z", "d", ""));
    }

    @Test
    void sectionHeaders_mayCarryComments() {
        ProfileFile file = config("[profile dev] # comment\na = 1\n[profile qa];comment\nb = 2\n");

        assertThat(file.profiles()).containsOnlyKeys("dev", "qa");
    }

    @Test
    void continuationLines_belongToThePreviousProperty() {
        ProfileFile file = config("[default]\n"
                + "s3 =\n"
                + "  max_concurrent_requests = 10\n"
                + "\tmax_queue_size = 1000\n"
                + "region = eu-west-1\n"
                + "note = first\n"
                + "  second\n");

        assertThat(file.profile("default").orElseThrow())
                .containsOnly(
                        entry("s3", "\nmax_concurrent_requests = 10\nmax_queue_size = 1000"),
                        entry("region", "eu-west-1"),
                        entry("note", "first\nsecond"));
    }

    @Test
    void indentedProperty_rightAfterHeader_isAProperty() {
        ProfileFile file = credentials("[dev]\n  a = 1\n");

        assertThat(file.profile("dev")).hasValue(Map.of("a", "1"));
    }

    @Test
    void crlfAndCrLineEndings_areLineEndings() {
        ProfileFile crlf = credentials("[dev]\r\na = 1\r\nb = 2\r\n");
        ProfileFile cr = credentials("[dev]\ra = 1\rb = 2\r");

        assertThat(crlf.profile("dev")).hasValue(Map.of("a", "1", "b", "2"));
        assertThat(cr.profile("dev")).hasValue(Map.of("a", "1", "b", "2"));
    }

    @Test
    void byteOrderMark_isNotPartOfTheFirstHeader() {
        ProfileFile file = credentials("\uFEFF[dev]\na = 1\n");

        assertThat(file.profiles()).containsOnlyKeys("dev");
    }

    @Test
    void repeatedSections_merge_andLaterPropertiesWin() {
        ProfileFile file = credentials("[dev]\na = 1\nb = 1\n[qa]\nc = 1\n[dev]\nb = 2\n");

        assertThat(file.profile("dev")).hasValue(Map.of("a", "1", "b", "2"));
    }

    @Test
    void ignoredSections_skipTheirLines_evenMalformedOnes() {
        ProfileFile file = config("[services mine]\nnot a property\n  indented text\n[profile dev]\na = 1\n");

        assertThat(file.profiles()).containsOnlyKeys("dev");
    }

    @Test
    void emptyText_hasNoProfiles() {
        assertThat(credentials("").profiles()).isEmpty();
        assertThat(config("\n\n# only comments\n").profiles()).isEmpty();
    }

    @Test
    void malformedLines_failWithTheLineNumberButNotTheLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> credentials("[dev]\nSECRETVALUE\n"))
                .withMessage("line 2: expected 'name = value'");
        assertThatIllegalArgumentException().isThrownBy(() -> credentials("a = SECRETVALUE\n"))
                .withMessage("line 1: property before the first [section] header");
        assertThatIllegalArgumentException().isThrownBy(() -> credentials("# c\n[dev\n"))
                .withMessage("line 2: section header is missing ']'");
        assertThatIllegalArgumentException().isThrownBy(() -> credentials("[dev] SECRETVALUE\n"))
                .withMessage("line 1: unexpected text after the section header");
        assertThatIllegalArgumentException().isThrownBy(() -> credentials("[ ]\n"))
                .withMessage("line 1: empty section name");
        assertThatIllegalArgumentException().isThrownBy(() -> credentials("[dev]\n= SECRETVALUE\n"))
                .withMessage("line 2: property without a name");
    }

    @Test
    void toString_namesProfilesButNotValues() {
        ProfileFile file = credentials("[dev]\naws_secret_access_key = SECRETVALUE\n");

        assertThat(file.toString()).contains("dev").doesNotContain("SECRETVALUE");
    }
}
