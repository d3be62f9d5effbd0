package dev.cogsync.model;

import dev.cogsync.exception.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordPatchTest {

    @Test
    void keyAtBoundaries() {
        assertThat(RecordPatch.replace("k", "v", 0).key()).isEqualTo("k");
        assertThat(RecordPatch.replace("k".repeat(1024), "v", 0).key()).hasSize(1024);
        assertThatThrownBy(() -> RecordPatch.replace("k".repeat(1025), "v", 0))
                .isInstanceOf(ValidationException.class)
                .hasMessage("recordPatch.key: length must be between 1 and 1024 characters, was 1025");
        assertThatThrownBy(() -> RecordPatch.replace("", "v", 0))
                .hasMessage("recordPatch.key: length must be between 1 and 1024 characters, was 0");
        assertThatThrownBy(() -> RecordPatch.replace(null, "v", 0)).hasMessage("recordPatch.key: is required");
    }

    @Test
    void valueAtBoundaries() {
        assertThat(RecordPatch.replace("k", "", 0).value()).isEmpty();
        assertThat(RecordPatch.replace("k", "v".repeat(1_048_575), 0).value()).hasSize(1_048_575);
        assertThatThrownBy(() -> RecordPatch.replace("k", "v".repeat(1_048_576), 0))
                .hasMessage("recordPatch.value: length must be at most 1048575 characters, was 1048576");
    }

    @Test
    void valueLengthCountsCodePoints() {
        String value = "😀".repeat(1_048_575);
        assertThat(RecordPatch.replace("k", value, 0).value()).isSameAs(value);
        assertThatThrownBy(() -> RecordPatch.replace("k", value + "😀", 0))
                .hasMessage("recordPatch.value: length must be at most 1048575 characters, was 1048576");
    }

    @Test
    void replaceRequiresAValueAndRemoveForbidsOne() {
        assertThatThrownBy(() -> new RecordPatch(Operation.REPLACE, "k", null, 0, null))
                .hasMessage("recordPatch.value: is required");
        assertThatThrownBy(() -> new RecordPatch(Operation.REMOVE, "k", "secret-value", 0, null))
                .hasMessage("recordPatch.value: must be absent when op is remove, length 12")
                .hasMessageNotContaining("secret-value");
        assertThat(RecordPatch.remove("k", 3).isRemove()).isTrue();
    }

    @Test
    void opIsRequired() {
        assertThatThrownBy(() -> new RecordPatch(null, "k", "v", 0, null)).hasMessage("recordPatch.op: is required");
    }

    @Test
    void syncCountAtBoundary() {
        assertThat(RecordPatch.replace("k", "v", 0).syncCount()).isZero();
        assertThat(RecordPatch.replace("k", "v", Long.MAX_VALUE).syncCount()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> RecordPatch.replace("k", "v", -1))
                .hasMessage("recordPatch.syncCount: must be >= 0, was -1");
    }

    @Test
    void withersReturnChangedCopies() {
        RecordPatch patch = RecordPatch.replace("k", "v", 1);
        Instant date = Instant.parse("2024-01-02T03:04:05.678Z");
        assertThat(patch.withSyncCount(1)).isSameAs(patch);
        assertThat(patch.withSyncCount(7)).isEqualTo(new RecordPatch(Operation.REPLACE, "k", "v", 7, null));
        assertThat(patch.withDeviceLastModifiedDate(date).deviceLastModifiedDate()).isEqualTo(date);
        assertThat(patch.syncCount()).isEqualTo(1);
    }

    @Test
    void toStringShowsValueLengthNotValue() {
        assertThat(RecordPatch.replace("score", "top-secret", 4).toString())
                .isEqualTo("RecordPatch[op=replace, key=score, value=<10 chars>, syncCount=4]")
                .doesNotContain("top-secret");
    }

    @Test
    void operationWireNames() {
        assertThat(Operation.fromWireName("replace")).isEqualTo(Operation.REPLACE);
        assertThat(Operation.fromWireName("remove")).isEqualTo(Operation.REMOVE);
        assertThat(Operation.fromWireName("Replace")).isNull();
        assertThat(Operation.fromWireName(null)).isNull();
        assertThat(Operation.REMOVE.wireName()).isEqualTo("remove");
    }
}
