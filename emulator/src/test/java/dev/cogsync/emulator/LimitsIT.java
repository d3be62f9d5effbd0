package dev.cogsync.emulator;

import dev.cogsync.emulator.junit.CognitoSyncEmulatorExtension;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Service limits, lowered so the tests stay small: 3 datasets, 4 records, 20 bytes, 8-char keys, 6-char values. */
class LimitsIT {

    @RegisterExtension
    static final CognitoSyncEmulatorExtension EMULATOR = CognitoSyncEmulatorExtension.withConfig(
            EmulatorConfig.builder().limits(EmulatorLimits.DEFAULT.withMaxDatasetsPerIdentity(3)
                    .withMaxRecordsPerDataset(4).withMaxDatasetBytes(20).withMaxKeyLength(8).withMaxValueLength(6))
                    .build());

    private final TestClient client = new TestClient(EMULATOR.emulator());

    @Test
    void datasetsPerIdentity_areLimited_andDeletingOneFreesItsPlace() {
        String identity = TestData.identity();
        for (String name : List.of("d1", "d2", "d3")) {
            client.write(TestData.dataset(identity, name), RecordPatch.replace("k", "v", 0));
        }
        DatasetRef fourth = TestData.dataset(identity, "d4");

        HttpResult refused = client.updateRaw(fourth, client.list(fourth).syncSessionToken(),
                RecordPatch.replace("k", "v", 0));
        HttpResult emptyUpdate = client.updateRaw(fourth, client.list(fourth).syncSessionToken());
        DatasetRef ofOtherIdentity = TestData.dataset(TestData.identity(), "d4");
        HttpResult otherIdentity = client.updateRaw(ofOtherIdentity, client.list(ofOtherIdentity).syncSessionToken(),
                RecordPatch.replace("k", "v", 0));
        assertThat(client.delete(TestData.dataset(identity, "d2")).status()).isEqualTo(200);
        HttpResult afterDelete = client.updateRaw(fourth, client.list(fourth).syncSessionToken(),
                RecordPatch.replace("k", "v", 0));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorType()).isEqualTo("LimitExceededException");
        assertThat(refused.message()).contains("3 datasets");
        assertThat(emptyUpdate.status()).isEqualTo(200);
        assertThat(otherIdentity.status()).isEqualTo(200);
        assertThat(afterDelete.status()).isEqualTo(200);
    }

    @Test
    void recordsPerDataset_areLimited_andTombstonesDoNotCount() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("a", "1", 0), RecordPatch.replace("b", "1", 0),
                RecordPatch.replace("c", "1", 0), RecordPatch.replace("d", "1", 0));

        HttpResult fifth = client.updateRaw(dataset, client.list(dataset).syncSessionToken(),
                RecordPatch.replace("e", "1", 0));
        client.write(dataset, RecordPatch.remove("a", 1));
        HttpResult afterRemove = client.updateRaw(dataset, client.list(dataset).syncSessionToken(),
                RecordPatch.replace("e", "1", 0));
        HttpResult swap = client.updateRaw(dataset, client.list(dataset).syncSessionToken(),
                RecordPatch.remove("b", 1), RecordPatch.replace("f", "1", 0));

        assertThat(fifth.status()).isEqualTo(400);
        assertThat(fifth.errorType()).isEqualTo("LimitExceededException");
        assertThat(afterRemove.status()).isEqualTo(200);
        assertThat(swap.status()).isEqualTo(200);
        DatasetSnapshot snapshot = EMULATOR.emulator().dataset(dataset).orElseThrow();
        assertThat(snapshot.numRecords()).isEqualTo(4);
        assertThat(snapshot.records()).hasSize(6);
    }

    @Test
    void datasetBytes_countUtf8OfLiveKeysAndValues() {
        DatasetRef dataset = TestData.dataset();
        // "é" is 2 bytes in UTF-8: a + éééhh is 9 bytes, b + 123456 is 7, 16 in all.
        client.write(dataset, RecordPatch.replace("a", "éééhh", 0), RecordPatch.replace("b", "123456", 0));

        HttpResult over = client.updateRaw(dataset, client.list(dataset).syncSessionToken(),
                RecordPatch.replace("c", "éééé", 0));
        HttpResult exactly = client.updateRaw(dataset, client.list(dataset).syncSessionToken(),
                RecordPatch.replace("c", "é1", 0));
        HttpResult overByOne = client.updateRaw(dataset, client.list(dataset).syncSessionToken(),
                RecordPatch.replace("d", "", 0));

        assertThat(over.status()).isEqualTo(400);
        assertThat(over.errorType()).isEqualTo("LimitExceededException");
        assertThat(exactly.status()).isEqualTo(200);
        assertThat(EMULATOR.emulator().dataset(dataset).orElseThrow().dataStorage()).isEqualTo(20);
        assertThat(overByOne.status()).isEqualTo(400);
        assertThat(overByOne.errorType()).isEqualTo("LimitExceededException");
    }

    @Test
    void keyAndValueLengths_belowTheModel_areLimitExceeded_andAboveTheModelInvalidParameter() {
        DatasetRef dataset = TestData.dataset();
        String token = client.list(dataset).syncSessionToken();

        HttpResult longKey = client.updateRaw(dataset, token, RecordPatch.replace("123456789", "v", 0));
        HttpResult longValue = client.updateRaw(dataset, token, RecordPatch.replace("k", "1234567", 0));
        HttpResult fits = client.updateRaw(dataset, token, RecordPatch.replace("12345678", "123456", 0));
        HttpResult overModel = client.postJson(dataset, "{\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\""
                + "k".repeat(1025) + "\",\"Value\":\"v\",\"SyncCount\":0}],\"SyncSessionToken\":\"" + token + "\"}");

        assertThat(longKey.status()).isEqualTo(400);
        assertThat(longKey.errorType()).isEqualTo("LimitExceededException");
        assertThat(longKey.message()).startsWith("recordPatches[0].key:");
        assertThat(longValue.status()).isEqualTo(400);
        assertThat(longValue.errorType()).isEqualTo("LimitExceededException");
        assertThat(longValue.message()).startsWith("recordPatches[0].value:");
        assertThat(fits.status()).isEqualTo(200);
        assertThat(overModel.status()).isEqualTo(400);
        assertThat(overModel.errorType()).isEqualTo("InvalidParameterException");
        assertThat(overModel.message()).startsWith("recordPatches[0].key:");
    }

    @Test
    void aRejectedLimit_appliesNothingOfTheRequest() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("a", "1", 0));
        List<RecordPatch> tooMany = new ArrayList<>();
        for (String key : List.of("b", "c", "d", "e")) {
            tooMany.add(RecordPatch.replace(key, "1", 0));
        }

        HttpResult result = client.updateRaw(dataset, client.list(dataset).syncSessionToken(),
                tooMany.toArray(RecordPatch[]::new));

        assertThat(result.status()).isEqualTo(400);
        DatasetSnapshot snapshot = EMULATOR.emulator().dataset(dataset).orElseThrow();
        assertThat(snapshot.syncCount()).isEqualTo(1);
        assertThat(snapshot.records()).hasSize(1);
    }
}
