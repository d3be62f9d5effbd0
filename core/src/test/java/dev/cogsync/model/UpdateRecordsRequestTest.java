package dev.cogsync.model;

import dev.cogsync.exception.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateRecordsRequestTest {

    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:0000", "us-east-1:1111", "settings");

    private static UpdateRecordsRequest.Builder valid() {
        return UpdateRecordsRequest.builder().dataset(DATASET).syncSessionToken("tok")
                .addRecordPatch(RecordPatch.replace("a", "1", 0));
    }

    @Test
    void buildsWithEveryMember() {
        UpdateRecordsRequest request = valid().deviceId("dev-1").clientContext("e30=").build();
        assertThat(request.dataset()).isEqualTo(DATASET);
        assertThat(request.recordPatches()).containsExactly(RecordPatch.replace("a", "1", 0));
        assertThat(request.syncSessionToken()).isEqualTo("tok");
        assertThat(request.deviceId()).isEqualTo("dev-1");
        assertThat(request.clientContext()).isEqualTo("e30=");
        assertThat(request.toBuilder().build()).isEqualTo(request);
    }

    @Test
    void sessionTokenIsRequiredAndNotEmpty() {
        assertThatThrownBy(() -> valid().syncSessionToken(null).build())
                .isInstanceOf(ValidationException.class).hasMessage("syncSessionToken: is required");
        assertThatThrownBy(() -> valid().syncSessionToken("").build())
                .hasMessage("syncSessionToken: must not be empty");
    }

    @Test
    void datasetIsRequired() {
        assertThatThrownBy(() -> valid().dataset(null).build()).hasMessage("dataset: is required");
    }

    @Test
    void deviceIdAtBoundaries() {
        assertThat(valid().deviceId("d".repeat(256)).build().deviceId()).hasSize(256);
        assertThatThrownBy(() -> valid().deviceId("d".repeat(257)).build())
                .hasMessage("deviceId: length must be between 1 and 256 characters, was 257");
        assertThatThrownBy(() -> valid().deviceId("").build())
                .hasMessage("deviceId: length must be between 1 and 256 characters, was 0");
    }

    @Test
    void clientContextMustBeSafeInAHeader() {
        assertThatThrownBy(() -> valid().clientContext("a\r\nX-Injected: 1").build())
                .hasMessage("clientContext: must not contain control characters, length 16");
    }

    @Test
    void duplicateKeysAreRejectedNamingBothPositions() {
        assertThatThrownBy(() -> valid().addRecordPatch(RecordPatch.replace("b", "2", 0))
                .addRecordPatch(RecordPatch.remove("a", 1)).build())
                .hasMessage("recordPatches[2].key: must be unique within a request, repeats recordPatches[0].key,"
                        + " length 1");
    }

    @Test
    void nullPatchIsRejectedWithItsIndex() {
        List<RecordPatch> patches = new ArrayList<>();
        patches.add(RecordPatch.replace("a", "1", 0));
        patches.add(null);
        assertThatThrownBy(() -> valid().recordPatches(patches).build()).hasMessage("recordPatches[1]: is required");
    }

    @Test
    void patchListIsCopied() {
        List<RecordPatch> patches = new ArrayList<>(List.of(RecordPatch.replace("a", "1", 0)));
        UpdateRecordsRequest request = valid().recordPatches(patches).build();
        patches.add(RecordPatch.replace("b", "2", 0));
        assertThat(request.recordPatches()).hasSize(1);
    }

    @Test
    void toStringHidesTheSessionToken() {
        String text = valid().syncSessionToken("very-secret-token").build().toString();
        assertThat(text).doesNotContain("very-secret-token").contains("syncSessionToken=****");
    }

    @Test
    void responseFindsARecordByKey() {
        Record record = new Record("a", "1", 3, null, null, null);
        UpdateRecordsResponse response = new UpdateRecordsResponse(List.of(record));
        assertThat(response.record("a")).isSameAs(record);
        assertThat(response.record("b")).isNull();
    }
}
