package dev.cogsync.batch;

import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetCapacityTest {

    private static Map<String, Record> records(int live, int tombstones) {
        Map<String, Record> records = new HashMap<>();
        for (int i = 0; i < live; i++) {
            records.put("live-" + i, new Record("live-" + i, "v", 1, null, null, null));
        }
        for (int i = 0; i < tombstones; i++) {
            records.put("gone-" + i, new Record("gone-" + i, null, 1, null, null, null));
        }
        return records;
    }

    @Test
    void newKeysOfAFullDatasetCannotFitButUpdatesAndRemovesCan() {
        DatasetCapacity capacity = new DatasetCapacity(3, 1_000_000);
        List<RecordPatch> patches = List.of(RecordPatch.replace("new-1", "x", 0),
                RecordPatch.replace("live-0", "changed", 1), RecordPatch.remove("live-1", 1),
                RecordPatch.replace("new-2", "x", 0), RecordPatch.replace("new-3", "x", 0));

        assertThat(capacity.overLimit(patches, records(3, 5))).containsExactly(0, 4);
    }

    @Test
    void tombstonesCountTowardNeitherLimit() {
        DatasetCapacity capacity = new DatasetCapacity(2, 1_000_000);
        assertThat(capacity.overLimit(List.of(RecordPatch.replace("gone-0", "back", 1)), records(1, 10))).isEmpty();
    }

    @Test
    void bytesAreUtf8KeysPlusValuesAndAnAdmittedPatchCountsForTheNext() {
        // "k1" + "ééé" is 2 + 6 bytes; with 10 bytes of room only one of two such patches fits.
        DatasetCapacity capacity = new DatasetCapacity(100, 10);
        List<RecordPatch> patches = List.of(RecordPatch.replace("k1", "ééé", 0), RecordPatch.replace("k2", "ééé", 0));
        assertThat(capacity.overLimit(patches, Map.of())).containsExactly(1);
        assertThat(dev.cogsync.model.Constraints.utf8Length("a\u00e9\u20ac\uD83D\uDE00")).isEqualTo(1 + 2 + 3 + 4);
    }

    @Test
    void theServiceLimitsAreOneThousandTwentyFourRecordsAndOneMegabyte() {
        DatasetCapacity service = DatasetCapacity.service();
        assertThat(service.overLimit(List.of(RecordPatch.replace("one-more", "x", 0)), records(1024, 0)))
                .containsExactly(0);
        assertThat(service.overLimit(List.of(RecordPatch.replace("one-more", "x", 0)), records(1023, 0))).isEmpty();
    }
}
