package dev.cogsync.model;

import dev.cogsync.exception.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests no dataset could ever take are refused before anything is sent, naming the field and the rule. */
class UpdateRecordsRequestLimitsTest {

    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:0f0e0d0c-0000-4000-8000-000000000001",
            "us-east-1:11111111-2222-3333-4444-555555555555", "settings");

    private static UpdateRecordsRequest request(List<RecordPatch> patches) {
        return UpdateRecordsRequest.builder().dataset(DATASET).syncSessionToken("t").recordPatches(patches).build();
    }

    private static List<RecordPatch> patches(int count, String value) {
        List<RecordPatch> patches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            patches.add(RecordPatch.replace("k" + i, value, 0));
        }
        return patches;
    }

    @Test
    void moreThanTheRecordsOfADatasetIsRefused() {
        assertThat(request(patches(1024, "v")).recordPatches()).hasSize(1024);
        assertThatThrownBy(() -> request(patches(1025, "v"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("recordPatches").hasMessageContaining("at most 1024 patches")
                .hasMessageContaining("was 1025");
    }

    @Test
    void moreThanTheBytesOfADatasetIsRefusedCountingUtf8KeysAndValues() {
        // 3 patches of "kN" (2 bytes) + 349,524 x "é" (2 bytes each) = 3 x 699,050 bytes: over 1 MiB.
        String value = "é".repeat(349_524);
        assertThat(request(patches(1, value)).recordPatches()).hasSize(1);
        assertThatThrownBy(() -> request(patches(3, value))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("recordPatches").hasMessageContaining("1048576 UTF-8 bytes")
                .hasMessageContaining("were 2097150 bytes");
    }

    @Test
    void removesAddNoBytes() {
        List<RecordPatch> removes = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            removes.add(RecordPatch.remove("k".repeat(1000) + i, 0));
        }
        assertThat(request(removes).recordPatches()).hasSize(1024);
    }

    @Test
    void builderSettersNameTheirFieldOnNull() {
        assertThatThrownBy(() -> UpdateRecordsRequest.builder().recordPatches(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("recordPatches");
        List<RecordPatch> withNull = new ArrayList<>();
        withNull.add(RecordPatch.replace("a", "b", 0));
        withNull.add(null);
        assertThatThrownBy(() -> UpdateRecordsRequest.builder().recordPatches(withNull))
                .isInstanceOf(ValidationException.class).hasMessageContaining("recordPatches[1]");
        assertThatThrownBy(() -> UpdateRecordsRequest.builder().addRecordPatch(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("recordPatch");
    }
}
