package dev.cogsync.gatling;

import dev.cogsync.workload.Injector;
import dev.cogsync.workload.PatchMode;
import dev.cogsync.workload.Workload;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.cogsync.gatling.CognitoSyncDsl.cognitoSync;
import static dev.cogsync.gatling.CognitoSyncDsl.workloadFeeder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DSL's own rules: what the protocol needs, how batch sizes are named, what the feeder hands out. */
class DslTest {

    @Test
    void aProtocolWithoutATargetIsRefusedNamingTheChoice() {
        assertThatThrownBy(() -> cognitoSync().protocol())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cognitoSync(): choose where to send, with .endpoint(url) or .embeddedEmulator()");
    }

    @Test
    void theBuilderIsImmutableAndItsProtocolIsOnePerBuilder() {
        CognitoSyncProtocolBuilder base = cognitoSync().embeddedEmulator();
        CognitoSyncProtocolBuilder perPatch = base.perPatch();

        assertThat(base.settings().mode()).isEqualTo(PatchMode.COALESCED);
        assertThat(perPatch.settings().mode()).isEqualTo(PatchMode.PER_PATCH);
        assertThat(base.protocol()).isSameAs(base.protocol()).isNotSameAs(perPatch.protocol());
        assertThat(base.endpoint("http://127.0.0.1:1").settings().embedded()).isFalse();
    }

    @Test
    void batchSizesAreNamedByPowerOfTwoRanges() {
        assertThat(BatchSizes.name(1)).isEqualTo("UpdateRecords carrying 1 patch");
        assertThat(BatchSizes.name(2)).isEqualTo("UpdateRecords carrying 2 patches");
        assertThat(BatchSizes.name(3)).isEqualTo("UpdateRecords carrying 3-4 patches");
        assertThat(BatchSizes.name(4)).isEqualTo("UpdateRecords carrying 3-4 patches");
        assertThat(BatchSizes.name(5)).isEqualTo("UpdateRecords carrying 5-8 patches");
        assertThat(BatchSizes.name(1000)).isEqualTo("UpdateRecords carrying 513-1024 patches");
        assertThat(BatchSizes.name(1024)).isEqualTo("UpdateRecords carrying 513-1024 patches");
        assertThat(BatchSizes.name(1025)).isEqualTo("UpdateRecords carrying more than 1024 patches");
    }

    @Test
    void theFeederGivesEachOfTheFirstWritersFedItsOwnKey() {
        Workload workload = Workload.builder().writers(12).datasets(3).keyPerWriter().build();
        Iterator<Map<String, Object>> feeder = workloadFeeder(workload);
        Set<String> keys = new HashSet<>();

        for (int w = 0; w < 12; w++) {
            Map<String, Object> record = feeder.next();
            assertThat(record).containsKeys("identityPoolId", "identityId", "datasetName", "key", "value")
                    .containsEntry("writer", w);
            assertThat(keys.add(record.get("datasetName") + "/" + record.get("key"))).isTrue();
        }
        assertThat(feeder.next()).containsEntry("writer", 0);
        assertThat(feeder.hasNext()).isTrue();
    }

    @Test
    void twoInjectorsFeedDisjointDatasetsAndIdentities() {
        List<Set<Object>> datasets = new ArrayList<>();
        List<Set<Object>> identities = new ArrayList<>();
        for (int index = 0; index < 2; index++) {
            Workload share = Workload.builder().writers(8 * 1024).datasets(8).keyPerWriter()
                    .injector(new Injector(index, 2)).build();
            Iterator<Map<String, Object>> feeder = workloadFeeder(share);
            Set<Object> names = new HashSet<>();
            Set<Object> ids = new HashSet<>();
            for (int i = 0; i < share.writers(); i++) {
                Map<String, Object> record = feeder.next();
                names.add(record.get("datasetName"));
                ids.add(record.get("identityId"));
            }
            datasets.add(names);
            identities.add(ids);
        }

        assertThat(datasets.get(0)).hasSize(4).doesNotContainAnyElementsOf(datasets.get(1));
        assertThat(identities.get(0)).doesNotContainAnyElementsOf(identities.get(1));
    }
}
