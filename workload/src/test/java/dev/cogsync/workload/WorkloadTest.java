package dev.cogsync.workload;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadTest {

    private static Workload workload(int writers, int datasets, int keys) {
        return Workload.builder().writers(writers).datasets(datasets).keys(keys).build();
    }

    @Test
    void datasetsFillIdentitiesTwentyAtATime() {
        List<DatasetRef> datasets = workload(45, 45, 4).datasets();

        assertThat(datasets).hasSize(45);
        assertThat(datasets.get(0)).isEqualTo(DatasetRef.of(Workload.DEFAULT_IDENTITY_POOL_ID,
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
                .isEqualTo("eu-west-1:0000001a-0000-4000-8000-000000000001");
    }

    @Test
    void twoPoolsNeverShareAnIdentity() {
        assertThat(Workload.identityId("us-east-1:c0651ec0-0000-4000-8000-000000000000", 0))
                .isNotEqualTo(Workload.identityId("us-east-1:ed170000-0000-4000-8000-0000000000ed", 0));
    }

    @Test
    void writerIWritesDatasetIModN() {
        Workload workload = workload(10, 3, 8);

        for (int w = 0; w < 10; w++) {
            assertThat(workload.cursor(w).dataset()).isEqualTo(workload.datasets().get(w % 3));
            assertThat(workload.datasetOf(w)).isEqualTo(workload.datasets().get(w % 3));
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
    void aKeyPerWriterGivesEveryWriterOneKeyOfItsOwn() {
        Workload workload = Workload.builder().writers(256).datasets(4).keyPerWriter().build();
        Set<String> owned = new HashSet<>();

        assertThat(workload.keys()).isEqualTo(64);
        for (int w = 0; w < 256; w++) {
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
    void writersBeyondTheCountShareTheKeysOfTheirResidue() {
        Workload workload = workload(4, 2, 4);

        assertThat(workload.keysOf(5)).containsExactly(workload.keysOf(1));
        assertThat(workload.cursor(5).dataset()).isEqualTo(workload.cursor(1).dataset());
    }

    @Test
    void aCursorCyclesThroughItsKeysAndChangesAKeysValueEveryTime() {
        Workload workload = Workload.builder().writers(1).datasets(1).keys(64).valueBytes(10).build();
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

    @Test
    void injectorsShareTheDatasetsOfATestWithoutSharingADatasetOrAnIdentity() {
        int injectors = 3;
        Set<String> datasets = new HashSet<>();
        Set<String> identities = new HashSet<>();
        int total = 0;

        for (int i = 0; i < injectors; i++) {
            Workload share = Workload.builder().writers(50).datasets(50).keys(1)
                    .injector(new Injector(i, injectors)).build();
            total += share.datasets().size();
            Set<String> own = new HashSet<>();
            for (DatasetRef dataset : share.datasets()) {
                assertThat(datasets.add(dataset.datasetName())).as("%s of injector %d", dataset, i).isTrue();
                own.add(dataset.identityId());
            }
            assertThat(own).as("identities of injector %d", i).isNotEmpty().noneMatch(identities::contains);
            identities.addAll(own);
        }

        assertThat(total).isEqualTo(50);
        assertThat(datasets).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 50).mapToObj(d -> "load-" + d).toList());
    }

    @Test
    void theOnlyInjectorHasEveryDatasetNumberedFromZero() {
        Workload sole = workload(8, 8, 1);
        Workload first = Workload.builder().writers(8).datasets(8).keys(1).injector(new Injector(0, 1)).build();

        assertThat(first.datasets()).isEqualTo(sole.datasets());
        assertThat(sole.firstDataset()).isZero();
        assertThat(sole.totalDatasets()).isEqualTo(8);
    }

    @Test
    void unevenSharesDifferByOneAndStartWhereThePreviousEnds() {
        Workload second = Workload.builder().writers(4).datasets(7).keys(1).injector(new Injector(1, 3)).build();

        assertThat(Workload.shareOf(7, new Injector(0, 3))).isEqualTo(3);
        assertThat(second.datasets()).extracting(DatasetRef::datasetName).containsExactly("load-3", "load-4");
        assertThat(Workload.shareOf(7, new Injector(2, 3))).isEqualTo(2);
    }

    @Test
    void givenIdentitiesHoldTwentyDatasetsEach() {
        Workload workload = Workload.builder().writers(25).datasets(25).keys(1)
                .identities(List.of("us-east-1:aaaaaaaa-0000-4000-8000-000000000000",
                        "us-east-1:bbbbbbbb-0000-4000-8000-000000000000")).build();

        assertThat(workload.datasets().get(19).identityId()).startsWith("us-east-1:aaaaaaaa");
        assertThat(workload.datasets().get(20).identityId()).startsWith("us-east-1:bbbbbbbb");
    }

    @Test
    void badSettingsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> workload(0, 1, 1)).isInstanceOf(UsageException.class)
                .hasMessage("writers: must be at least 1, was 0");
        assertThatThrownBy(() -> workload(1, 1, 1025)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("keys: must be from 1 to 1024");
        assertThatThrownBy(() -> Workload.builder().valueBytes(0).build()).isInstanceOf(UsageException.class)
                .hasMessage("valueBytes: must be at least 1, was 0");
        assertThatThrownBy(() -> Workload.builder().datasets(2).injector(new Injector(0, 3)).build())
                .isInstanceOf(UsageException.class)
                .hasMessage("datasets: must be at least one per injector (3), was 2");
        assertThatThrownBy(() -> Workload.builder().datasets(21).identities(List.of("us-east-1:x")).build())
                .isInstanceOf(UsageException.class)
                .hasMessage("identities: 21 datasets need 2 identities, 20 to an identity; 1 were given");
    }
}
