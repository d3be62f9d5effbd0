package dev.cogsync.model;

import dev.cogsync.exception.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void acceptsAwsDocumentedExamplePoolIdBecauseModelPatternsAreNotAnchored() {
        assertThat(DatasetRef.of("us-east-1:23EC4050-6AEA-7089-A2DD-08002EXAMPLE", IDENTITY, "d").identityPoolId())
                .endsWith("EXAMPLE");
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
                .hasMessage("identityId: must match the pattern [\\w-]+:[0-9a-f-]+, length " + id.length());
    }

    @Test
    void idLengthCountsCodePointsNotUtf16Units() {
        String id = "a:b" + "😀".repeat(52);
        assertThat(id.codePointCount(0, id.length())).isEqualTo(55);
        assertThat(DatasetRef.of(id, IDENTITY, "d").identityPoolId()).isEqualTo(id);
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
