package dev.cogsync.benchmarks.load;

import dev.cogsync.model.DatasetRef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTest {

    private static Workload workload(int writers, int datasets, int keys) {
        return Workload.create(LoadOptions.builder().writers(writers).datasets(datasets).keys(keys).build());
    }

    @Test
    void datasetsFillIdentitiesTwentyAtATime() {
        List<DatasetRef> datasets = workload(45, 45, 4).datasets();

        assertThat(datasets).hasSize(45);
        assertThat(datasets.get(0)).isEqualTo(DatasetRef.of(LoadOptions.DEFAULT_IDENTITY_POOL_ID,
                "us-east-1:00000000-0000-4000-8000-000000000000", "load-0"));
        Map<String, Integer> perIdentity = new HashMap<>();
        datasets.forEach(d -> perIdentity.merge(d.identityId(), 1, Integer::sum));
        assertThat(perIdentity).containsOnly(Map.entry("us-east-1:00000000-0000-4000-8000-000000000000", 20),
                Map.entry("us-east-1:00000001-0000-4000-8000-000000000000", 20),
                Map.entry("us-east-1:00000002-0000-4000-8000-000000000000", 5));
        assertThat(datasets).extracting(DatasetRef::datasetName).doesNotHaveDuplicates();
    }

    @Test
    void identitiesTakeThePoolsRegion() {
        assertThat(Workload.identityId("eu-west-1:0123abcd-0000-4000-8000-000000000001", 26))
                .isEqualTo("eu-west-1:0000001a-0000-4000-8000-000000000000");
    }

    @Test
    void writerIWritesDatasetIModN() {
        Workload workload = workload(10, 3, 8);

        for (int w = 0; w < 10; w++) {
            assertThat(workload.cursor(w).dataset()).isEqualTo(workload.datasets().get(w % 3));
        }
    }

    @Test
    void withEnoughKeysTheWritersOfADatasetSplitItsKeysWithoutSharingAny() {
        // 10 writers on 3 datasets: 4, 3 and 3 writers; 8 keys each.
        Workload workload = workload(10, 3, 8);

        for (int d = 0; d < 3; d++) {
            List<Integer> covered = new ArrayList<>();
            for (int w = d; w < 10; w += 3) {
                for (int key : workload.keysOf(w)) {
                    covered.add(key);
                }
            }
            assertThat(covered).as("dataset %d", d).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 8).boxed().toList());
        }
        assertThat(workload.keysOf(0)).containsExactly(0, 4);
        assertThat(workload.keysOf(1)).containsExactly(0, 3, 6);
    }

    @Test
    void theDefaultsGiveEveryWriterOneKeyOfItsOwn() {
        Workload workload = Workload.create(LoadOptions.defaults());
        Set<String> owned = new HashSet<>();

        for (int w = 0; w < LoadOptions.DEFAULT_WRITERS; w++) {
            int[] keys = workload.keysOf(w);
            assertThat(keys).hasSize(1);
            assertThat(owned.add(workload.cursor(w).dataset().datasetName() + "/" + keys[0])).isTrue();
        }
    }

    @Test
    void withFewerKeysThanWritersEachWriterHasOneKeyThatOthersShare() {
        Workload workload = workload(8, 1, 3);

        assertThat(IntStream.range(0, 8).map(w -> workload.keysOf(w).length)).containsOnly(1);
        assertThat(IntStream.range(0, 8).map(w -> workload.keysOf(w)[0])).containsExactly(0, 1, 2, 0, 1, 2, 0, 1);
    }

    @Test
    void aCursorCyclesThroughItsKeysAndChangesAKeysValueEveryTime() {
        Workload workload = Workload.create(LoadOptions.builder().writers(1).datasets(1).keys(64).valueBytes(10)
                .build());
        WriterCursor cursor = workload.cursor(0);
        Map<String, String> last = new HashMap<>();

        for (int i = 0; i < 64 * 5; i++) {
            assertThat(cursor.key()).isEqualTo("key-" + (i % 64));
            assertThat(cursor.value()).hasSize(10).matches("[a-z0-9]+");
            String previous = last.put(cursor.key(), cursor.value());
            assertThat(cursor.value()).as("write %d of %s", i / 64, cursor.key()).isNotEqualTo(previous);
            cursor.advance();
        }
    }

    @Test
    void datasetBytesCountKeysAndValues() {
        assertThat(Workload.datasetBytes(1, 0)).isEqualTo(5);
        assertThat(Workload.datasetBytes(64, 64)).isEqualTo(374 + 64 * 64);
        assertThat(Workload.datasetBytes(1024, 0)).isEqualTo(10 * 5 + 90 * 6 + 900 * 7 + 24 * 8);
    }
}
