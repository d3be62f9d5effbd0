package dev.cogsync.model;

import dev.cogsync.exception.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetRefTest {

    private static final String POOL = "us-east-1:23ec4050-6aea-7089-a2dd-08002e000000";
    private static final String IDENTITY = "us-east-1:11111111-2222-3333-4444-555555555555";

    @Test
    void acceptsTypicalIds() {
        DatasetRef ref = DatasetRef.of(POOL, IDENTITY, "game.settings");
        assertThat(ref.identityPoolId()).isEqualTo(POOL);
        assertThat(ref.identityId()).isEqualTo(IDENTITY);
        assertThat(ref.datasetName()).isEqualTo("game.settings");
    }

    @Test
    void idsMustMatchTheWholePatternHexOfEitherCase() {
        assertThat(DatasetRef.of("us-east-1:23EC4050-6AEA-7089-A2DD-08002E000000", IDENTITY, "d").identityPoolId())
                .endsWith("08002E000000");
        for (String bad : List.of("us-east-1:23EC4050-6AEA-7089-A2DD-08002EXAMPLE", "a:b\r\nX-Injected: 1",
                "a:b\u0000", "a:b?c=d", "a:b#c", "../a:b", "a:b:c", "a:", ":b", "a b:c")) {
            assertThatThrownBy(() -> DatasetRef.of(POOL, bad, "d")).as(bad).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("identityId").hasMessageContaining("whole pattern");
        }
    }

    @Test
    void idAtMaximumLengthPasses() {
        String id = "a:" + "b".repeat(53);
        assertThat(id).hasSize(55);
        assertThat(DatasetRef.of(id, id, "d").identityId()).isEqualTo(id);
    }

    @Test
    void idOnePastMaximumLengthFailsNamingFieldRuleAndLength() {
        String id = "a:" + "b".repeat(54);
        assertThatThrownBy(() -> DatasetRef.of(id, IDENTITY, "d"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("identityPoolId: length must be between 1 and 55 characters, was 56")
                .satisfies(e -> {
                    ValidationException v = (ValidationException) e;
                    assertThat(v.field()).isEqualTo("identityPoolId");
                    assertThat(v.rule()).contains("between 1 and 55");
                });
        assertThatThrownBy(() -> DatasetRef.of(POOL, id, "d"))
                .hasMessageStartingWith("identityId: length must be between 1 and 55 characters, was 56");
    }

    @Test
    void emptyIdFailsOnLength() {
        assertThatThrownBy(() -> DatasetRef.of("", IDENTITY, "d"))
                .hasMessage("identityPoolId: length must be between 1 and 55 characters, was 0");
    }

    @Test
    void missingPartsAreRequired() {
        assertThatThrownBy(() -> DatasetRef.of(null, IDENTITY, "d")).hasMessage("identityPoolId: is required");
        assertThatThrownBy(() -> DatasetRef.of(POOL, null, "d")).hasMessage("identityId: is required");
        assertThatThrownBy(() -> DatasetRef.of(POOL, IDENTITY, null)).hasMessage("datasetName: is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "us-east-1:", ":abc", "us-east-1:XYZ", "us-east-1 :abc", "pool:!abc"})
    void idWithoutThePatternFailsWithoutEchoingTheValue(String id) {
        assertThatThrownBy(() -> DatasetRef.of(POOL, id, "d"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("identityId: must match the whole pattern [\\w-]+:[0-9a-fA-F-]+, length " + id.length());
    }

    @Test
    void idLengthCountsCodePointsNotUtf16Units() {
        // 55 code points but 107 UTF-16 units: within the length, so it is the pattern that refuses it.
        String id = "a:b" + "😀".repeat(52);
        assertThat(id.codePointCount(0, id.length())).isEqualTo(55);
        assertThatThrownBy(() -> DatasetRef.of(id, IDENTITY, "d")).hasMessageContaining("whole pattern");
    }

    @Test
    void datasetNameAtBoundaries() {
        assertThat(DatasetRef.of(POOL, IDENTITY, "d".repeat(128)).datasetName()).hasSize(128);
        assertThatThrownBy(() -> DatasetRef.of(POOL, IDENTITY, "d".repeat(129)))
                .hasMessage("datasetName: length must be between 1 and 128 characters, was 129");
        assertThatThrownBy(() -> DatasetRef.of(POOL, IDENTITY, ""))
                .hasMessage("datasetName: length must be between 1 and 128 characters, was 0");
    }

    @Test
    void datasetNameAllowsEveryDocumentedCharacterIncludingColonOfMergedNames() {
        String name = "azAZ09_.:-";
        assertThat(DatasetRef.of(POOL, IDENTITY, name).datasetName()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my dataset", "data/set", "naïve", "a+b", "x%3Ay"})
    void datasetNameWithOtherCharactersFails(String name) {
        assertThatThrownBy(() -> DatasetRef.of(POOL, IDENTITY, name))
                .hasMessage("datasetName: must match the pattern [a-zA-Z0-9_.:-]+, length " + name.length());
    }
}
