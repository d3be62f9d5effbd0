package dev.cogsync.emulator;

import dev.cogsync.emulator.junit.CognitoSyncEmulatorExtension;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DescribeDataset, ListDatasets and DeleteDataset, and what ListRecords and UpdateRecords see after a delete. */
class DatasetOperationsIT {

    @RegisterExtension
    static final CognitoSyncEmulatorExtension EMULATOR = CognitoSyncEmulatorExtension.create();

    private final TestClient client = new TestClient(EMULATOR.emulator());

    @Test
    @SuppressWarnings("unchecked")
    void describeDataset_returnsTheModelledShape() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("a", "12", 0), RecordPatch.replace("bb", "3", 0));
        client.write(dataset, RecordPatch.remove("bb", 1));

        HttpResult result = client.describe(dataset);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("Content-Type")).isEqualTo("application/json");
        Map<String, Object> shape = (Map<String, Object>) result.json().get("Dataset");
        assertThat(shape).containsOnlyKeys("IdentityId", "DatasetName", "CreationDate", "LastModifiedDate",
                "LastModifiedBy", "DataStorage", "NumRecords");
        assertThat(shape).containsEntry("IdentityId", dataset.identityId())
                .containsEntry("DatasetName", "settings")
                .containsEntry("LastModifiedBy", dataset.identityId())
                .containsEntry("DataStorage", 3L)
                .containsEntry("NumRecords", 1L);
        DatasetSnapshot snapshot = EMULATOR.emulator().dataset(dataset).orElseThrow();
        assertThat(epochMillis(shape.get("CreationDate"))).isEqualTo(snapshot.creationDate().toEpochMilli());
        assertThat(epochMillis(shape.get("LastModifiedDate"))).isEqualTo(snapshot.lastModifiedDate().toEpochMilli());
    }

    @Test
    void describeDataset_whenAbsent_isResourceNotFound() {
        HttpResult result = client.describe(TestData.dataset());

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.errorType()).isEqualTo("ResourceNotFoundException");
    }

    @Test
    @SuppressWarnings("unchecked")
    void listDatasets_pagesThroughAnIdentitysDatasetsByName() {
        String identity = TestData.identity();
        for (String name : List.of("c", "a", "e", "b", "d")) {
            client.write(TestData.dataset(identity, name), RecordPatch.replace("k", "v", 0));
        }
        client.write(TestData.dataset(TestData.identity(), "other"), RecordPatch.replace("k", "v", 0));
        DatasetRef any = TestData.dataset(identity, "a");

        Map<String, Object> page1 = client.listDatasets(any, "maxResults=2").json();
        Map<String, Object> page2 = client.listDatasets(any, "maxResults=2&nextToken=" + page1.get("NextToken")).json();
        Map<String, Object> page3 = client.listDatasets(any, "maxResults=2&nextToken=" + page2.get("NextToken")).json();
        Map<String, Object> all = client.listDatasets(any, "").json();
        HttpResult badMax = client.listDatasets(any, "maxResults=zero");
        HttpResult none = client.listDatasets(TestData.dataset(TestData.identity(), "x"), "");

        assertThat(names(page1)).containsExactly("a", "b");
        assertThat(page1.get("Count")).isEqualTo(2L);
        assertThat(names(page2)).containsExactly("c", "d");
        assertThat(names(page3)).containsExactly("e");
        assertThat(page3).doesNotContainKey("NextToken");
        assertThat(names(all)).containsExactly("a", "b", "c", "d", "e");
        assertThat(((List<Map<String, Object>>) all.get("Datasets")).get(0))
                .containsEntry("IdentityId", identity).containsEntry("NumRecords", 1L);
        assertThat(badMax.status()).isEqualTo(400);
        assertThat(badMax.errorType()).isEqualTo("InvalidParameterException");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json()).containsEntry("Count", 0L).containsEntry("Datasets", List.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void deleteDataset_returnsItAndMakesItAbsent() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("a", "1", 0));
        client.write(dataset, RecordPatch.replace("b", "1", 0));

        HttpResult deleted = client.delete(dataset);
        HttpResult again = client.delete(dataset);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat((Map<String, Object>) deleted.json().get("Dataset")).containsEntry("DatasetName", "settings")
                .containsEntry("NumRecords", 2L);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorType()).isEqualTo("ResourceNotFoundException");
        assertThat(client.describe(dataset).status()).isEqualTo(404);
        assertThat(EMULATOR.emulator().dataset(dataset)).isEmpty();
        assertThat(client.listDatasets(dataset, "").json()).containsEntry("Count", 0L);
    }

    @Test
    void listRecords_afterDelete_reportsTheDeletionToCallersWhoKnewTheData() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("a", "1", 0));
        client.write(dataset, RecordPatch.replace("b", "1", 0));
        client.delete(dataset);

        ListRecordsResponse knewAll = client.list(dataset, 2);
        ListRecordsResponse knewSome = client.list(dataset, 1);
        ListRecordsResponse knewNothing = client.list(dataset, 0);
        HttpResult beyond = client.listRaw(ListRecordsRequest.builder().dataset(dataset).lastSyncCount(3L).build());

        for (ListRecordsResponse response : List.of(knewAll, knewSome, knewNothing)) {
            assertThat(response.datasetExists()).isFalse();
            assertThat(response.datasetSyncCount()).isZero();
            assertThat(response.records()).isEmpty();
            assertThat(response.syncSessionToken()).isNotBlank();
        }
        assertThat(knewAll.datasetDeletedAfterRequestedSyncCount()).isTrue();
        assertThat(knewSome.datasetDeletedAfterRequestedSyncCount()).isTrue();
        assertThat(knewNothing.datasetDeletedAfterRequestedSyncCount()).isFalse();
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.message()).isEqualTo("No such SyncCount: 3 exists for this Dataset");
    }

    @Test
    void updateRecords_afterDelete_recreatesTheDatasetContinuingItsSyncCount() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("a", "1", 0));
        client.write(dataset, RecordPatch.replace("a", "2", 1));
        client.delete(dataset);

        HttpResult staleAfterDelete = client.updateRaw(dataset, client.list(dataset).syncSessionToken(),
                RecordPatch.replace("a", "3", 2));
        List<Record> recreated = client.write(dataset, RecordPatch.replace("b", "1", 0)).records();
        ListRecordsResponse oldClient = client.list(dataset, 2);
        ListRecordsResponse newClient = client.list(dataset, 3);

        assertThat(staleAfterDelete.status()).isEqualTo(409);
        assertThat(staleAfterDelete.message()).isEqualTo("Current SyncCount for: a is: 0 not: 2");
        assertThat(recreated).extracting(Record::syncCount).containsExactly(3L);
        assertThat(oldClient.datasetExists()).isTrue();
        assertThat(oldClient.datasetDeletedAfterRequestedSyncCount()).isTrue();
        assertThat(oldClient.records()).extracting(Record::key).containsExactly("b");
        assertThat(newClient.datasetDeletedAfterRequestedSyncCount()).isFalse();
        DatasetSnapshot snapshot = EMULATOR.emulator().dataset(dataset).orElseThrow();
        assertThat(snapshot.syncCount()).isEqualTo(3);
        assertThat(snapshot.records()).extracting(Record::key).containsExactly("b");
    }

    @Test
    void datasets_listsEveryExistingDatasetsState() {
        DatasetRef first = TestData.dataset();
        DatasetRef second = TestData.dataset(first.identityId(), "zz");
        client.write(first, RecordPatch.replace("a", "1", 0));
        client.write(second, RecordPatch.replace("a", "1", 0));

        assertThat(EMULATOR.emulator().datasets()).extracting(DatasetSnapshot::dataset).contains(first, second);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("Datasets")).stream().map(d -> d.get("DatasetName")).toList();
    }

    private static long epochMillis(Object date) {
        return new BigDecimal(date.toString()).movePointRight(3).longValueExact();
    }
}
