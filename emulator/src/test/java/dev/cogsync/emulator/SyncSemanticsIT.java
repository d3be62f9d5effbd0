package dev.cogsync.emulator;

import dev.cogsync.emulator.junit.CognitoSyncEmulatorExtension;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsResponse;
import dev.cogsync.protocol.ResourcePaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sync counts, tombstones, ListRecords and conflicts, over HTTP with signed requests. */
class SyncSemanticsIT {

    @RegisterExtension
    static final CognitoSyncEmulatorExtension EMULATOR = CognitoSyncEmulatorExtension.create();

    private final TestClient client = new TestClient(EMULATOR.emulator());

    @Test
    void listRecords_whenDatasetDoesNotExist_reportsItAbsentWithAToken() {
        HttpResult result = client.listRaw(ListRecordsRequest.of(TestData.dataset()));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("Content-Type")).isEqualTo("application/json");
        assertThat(result.header("x-amzn-RequestId")).matches("[0-9a-f-]{36}");
        ListRecordsResponse list = result.listRecords();
        assertThat(list.datasetExists()).isFalse();
        assertThat(list.datasetSyncCount()).isZero();
        assertThat(list.records()).isEmpty();
        assertThat(list.count()).isZero();
        assertThat(list.datasetDeletedAfterRequestedSyncCount()).isFalse();
        assertThat(list.syncSessionToken()).isNotBlank();
        assertThat(list.nextToken()).isNull();
        assertThat(EMULATOR.emulator().dataset(DatasetRef.of(TestData.POOL, TestData.identity(), "x"))).isEmpty();
    }

    @Test
    void updateRecords_firstWrite_createsDatasetAtSyncCountOne() {
        DatasetRef dataset = TestData.dataset();
        String token = client.list(dataset).syncSessionToken();

        UpdateRecordsResponse written = client.update(dataset, token,
                RecordPatch.replace("highScore", "100", 0)
                        .withDeviceLastModifiedDate(Instant.parse("2024-01-02T03:04:05.678Z")),
                RecordPatch.replace("level", "3", 0));

        assertThat(written.records()).extracting(Record::key, Record::value, Record::syncCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("highScore", "100", 1L),
                        org.assertj.core.groups.Tuple.tuple("level", "3", 1L));
        Record highScore = written.record("highScore");
        assertThat(highScore.deviceLastModifiedDate()).isEqualTo(Instant.parse("2024-01-02T03:04:05.678Z"));
        assertThat(highScore.lastModifiedBy()).isEqualTo(dataset.identityId());
        assertThat(highScore.lastModifiedDate()).isNotNull();
        ListRecordsResponse list = client.list(dataset);
        assertThat(list.datasetExists()).isTrue();
        assertThat(list.datasetSyncCount()).isEqualTo(1);
        assertThat(list.lastModifiedBy()).isEqualTo(dataset.identityId());
        DatasetSnapshot snapshot = EMULATOR.emulator().dataset(dataset).orElseThrow();
        assertThat(snapshot.syncCount()).isEqualTo(1);
        assertThat(snapshot.value("highScore")).isEqualTo("100");
        assertThat(snapshot.numRecords()).isEqualTo(2);
        assertThat(snapshot.dataStorage()).isEqualTo("highScore100level3".length());
    }

    @Test
    void updateRecords_eachCall_raisesTheDatasetCountByOneAndStampsEveryWrittenRecord() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("a", "1", 0));
        client.write(dataset, RecordPatch.replace("b", "1", 0));
        UpdateRecordsResponse third = client.write(dataset, RecordPatch.replace("a", "2", 1),
                RecordPatch.replace("c", "1", 0));

        // a jumps from 1 to 3: b was written at 2 in between.
        assertThat(third.records()).extracting(Record::syncCount).containsOnly(3L);
        assertThat(client.list(dataset).datasetSyncCount()).isEqualTo(3);
        DatasetSnapshot snapshot = EMULATOR.emulator().dataset(dataset).orElseThrow();
        assertThat(snapshot.records()).extracting(Record::key, Record::syncCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", 3L), org.assertj.core.groups.Tuple.tuple("b", 2L),
                org.assertj.core.groups.Tuple.tuple("c", 3L));
    }

    @Test
    void updateRecords_remove_leavesATombstoneThatListRecordsReturns() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("keep", "k", 0), RecordPatch.replace("old", "o", 0));

        UpdateRecordsResponse removed = client.write(dataset, RecordPatch.remove("old", 1));

        assertThat(removed.record("old").value()).isNull();
        assertThat(removed.record("old").syncCount()).isEqualTo(2);
        ListRecordsResponse since = client.list(dataset, 1);
        assertThat(since.records()).extracting(Record::key).containsExactly("old");
        assertThat(since.records().get(0).isDeleted()).isTrue();
        HttpResult raw = client.listRaw(ListRecordsRequest.builder().dataset(dataset).lastSyncCount(1L).build());
        @SuppressWarnings("unchecked")
        Map<String, Object> tombstone = ((List<Map<String, Object>>) raw.json().get("Records")).get(0);
        assertThat(tombstone).doesNotContainKey("Value").containsEntry("SyncCount", 2L);
        DatasetSnapshot snapshot = EMULATOR.emulator().dataset(dataset).orElseThrow();
        assertThat(snapshot.record("old").isDeleted()).isTrue();
        assertThat(snapshot.numRecords()).isEqualTo(1);
        // Writing the key again needs the tombstone's count.
        assertThat(client.write(dataset, RecordPatch.replace("old", "back", 2)).record("old").syncCount())
                .isEqualTo(3);
    }

    @Test
    void updateRecords_withZeroPatches_succeedsWithoutWritingOrCreating() {
        DatasetRef dataset = TestData.dataset();
        String token = client.list(dataset).syncSessionToken();

        UpdateRecordsResponse response = client.update(dataset, token);

        assertThat(response.records()).isEmpty();
        assertThat(client.list(dataset).datasetExists()).isFalse();
        assertThat(EMULATOR.emulator().dataset(dataset)).isEmpty();
    }

    @Test
    void listRecords_sinceACount_returnsOnlyLaterRecordsOrderedBySyncCountThenKey() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("z", "1", 0), RecordPatch.replace("y", "1", 0));
        client.write(dataset, RecordPatch.replace("b", "1", 0), RecordPatch.replace("a", "1", 0));
        client.write(dataset, RecordPatch.replace("z", "2", 1));

        ListRecordsResponse all = client.list(dataset, 0);
        ListRecordsResponse since = client.list(dataset, 1);
        ListRecordsResponse current = client.list(dataset, 3);

        assertThat(all.records()).extracting(Record::key).containsExactly("y", "a", "b", "z");
        assertThat(since.records()).extracting(Record::key, Record::syncCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", 2L), org.assertj.core.groups.Tuple.tuple("b", 2L),
                org.assertj.core.groups.Tuple.tuple("z", 3L));
        assertThat(since.count()).isEqualTo(3);
        assertThat(current.records()).isEmpty();
        assertThat(current.datasetSyncCount()).isEqualTo(3);
    }

    @Test
    void listRecords_paginates_withAStableNextTokenUnderConcurrentWrites() {
        DatasetRef dataset = TestData.dataset();
        List<RecordPatch> patches = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            patches.add(RecordPatch.replace("k" + i, "v", 0));
        }
        client.write(dataset, patches.toArray(RecordPatch[]::new));
        client.write(dataset, RecordPatch.replace("k0", "v2", 1));

        ListRecordsRequest first = ListRecordsRequest.builder().dataset(dataset).lastSyncCount(0L).maxResults(4).build();
        ListRecordsResponse page1 = client.listRaw(first).listRecords();
        // A write between pages moves k5 behind everything else: it is seen once, at its new count.
        client.update(dataset, page1.syncSessionToken(), RecordPatch.replace("k5", "v2", 1));
        ListRecordsResponse page2 = client.listRaw(first.withNextToken(page1.nextToken())).listRecords();
        ListRecordsResponse page3 = client.listRaw(first.withNextToken(page2.nextToken())).listRecords();

        assertThat(page1.records()).extracting(Record::key).containsExactly("k1", "k2", "k3", "k4");
        assertThat(page1.count()).isEqualTo(4);
        assertThat(page1.nextToken()).isNotNull();
        assertThat(page2.records()).extracting(Record::key).containsExactly("k6", "k7", "k8", "k9");
        assertThat(page3.records()).extracting(Record::key, Record::syncCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("k0", 2L), org.assertj.core.groups.Tuple.tuple("k5", 3L));
        assertThat(page3.nextToken()).isNull();
        assertThat(page3.datasetSyncCount()).isEqualTo(3);
    }

    @Test
    void listRecords_withMalformedNextToken_isRejected() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("a", "1", 0));

        HttpResult result = client.listRaw(ListRecordsRequest.builder().dataset(dataset).nextToken("%%%").build());

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorType()).isEqualTo("InvalidParameterException");
    }

    @Test
    void listRecords_beyondTheDatasetCount_isNoSuchSyncCount() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("a", "1", 0));

        HttpResult beyond = client.listRaw(ListRecordsRequest.builder().dataset(dataset).lastSyncCount(37L).build());
        HttpResult absent = client.listRaw(
                ListRecordsRequest.builder().dataset(TestData.dataset()).lastSyncCount(2L).build());

        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.errorType()).isEqualTo("InvalidParameterException");
        assertThat(beyond.message()).isEqualTo("No such SyncCount: 37 exists for this Dataset");
        assertThat(absent.status()).isEqualTo(400);
        assertThat(absent.message()).isEqualTo("No such SyncCount: 2 exists for this Dataset");
    }

    @Test
    void updateRecords_withOneStalePatch_rejectsTheWholeRequestAndAppliesNothing() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("highScore", "5", 0));
        client.write(dataset, RecordPatch.replace("highScore", "6", 1), RecordPatch.replace("other", "x", 0));
        String token = client.list(dataset).syncSessionToken();

        HttpResult conflict = client.updateRaw(dataset, token, RecordPatch.replace("fresh", "new", 0),
                RecordPatch.replace("highScore", "100", 1), RecordPatch.replace("other", "y", 1));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorType()).isEqualTo("ResourceConflictException");
        assertThat(conflict.message()).isEqualTo("Current SyncCount for: highScore is: 2 not: 1");
        assertThat(conflict.header("x-amzn-RequestId")).isNotBlank();
        DatasetSnapshot after = EMULATOR.emulator().dataset(dataset).orElseThrow();
        assertThat(after.syncCount()).isEqualTo(2);
        assertThat(after.record("fresh")).isNull();
        assertThat(after.value("highScore")).isEqualTo("6");
    }

    @Test
    void updateRecords_staleEvenWithTheSameValue_isAConflict() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("k", "same", 0));

        HttpResult result = client.updateRaw(dataset, client.list(dataset).syncSessionToken(),
                RecordPatch.replace("k", "same", 0));

        assertThat(result.status()).isEqualTo(409);
        assertThat(result.message()).isEqualTo("Current SyncCount for: k is: 1 not: 0");
    }

    @Test
    void updateRecords_withTheSameKeyTwice_isInvalidParameter() {
        DatasetRef dataset = TestData.dataset();
        String token = client.list(dataset).syncSessionToken();

        HttpResult result = client.postJson(dataset, "{\"RecordPatches\":["
                + "{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"1\",\"SyncCount\":0},"
                + "{\"Op\":\"replace\",\"Key\":\"k\",\"Value\":\"2\",\"SyncCount\":0}],"
                + "\"SyncSessionToken\":\"" + token + "\"}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorType()).isEqualTo("InvalidParameterException");
        assertThat(result.message()).startsWith("recordPatches[1].key:");
        assertThat(EMULATOR.emulator().dataset(dataset)).isEmpty();
    }

    @Test
    void updateRecords_withInvalidJson_isInvalidParameter() {
        DatasetRef dataset = TestData.dataset();

        HttpResult notJson = client.postJson(dataset, "{not json");
        HttpResult badOp = client.postJson(dataset, "{\"RecordPatches\":[{\"Op\":\"upsert\",\"Key\":\"k\","
                + "\"SyncCount\":0}],\"SyncSessionToken\":\"t\"}");

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorType()).isEqualTo("InvalidParameterException");
        assertThat(badOp.status()).isEqualTo(400);
        assertThat(badOp.message()).startsWith("recordPatches[0].op:");
    }

    @Test
    void pathLabels_areAcceptedPercentEncodedOrWithARawColon() {
        DatasetRef dataset = TestData.dataset();
        client.write(dataset, RecordPatch.replace("a", "1", 0));
        String encoded = ResourcePaths.records(dataset);
        String raw = "/identitypools/" + dataset.identityPoolId() + "/identities/" + dataset.identityId()
                + "/datasets/" + dataset.datasetName() + "/records";

        HttpResult viaEncoded = client.send("GET", encoded, "", null);
        HttpResult viaRaw = client.send("GET", raw, "", null);

        assertThat(encoded).contains("%3A");
        assertThat(raw).doesNotContain("%");
        assertThat(viaEncoded.status()).isEqualTo(200);
        assertThat(viaRaw.status()).isEqualTo(200);
        assertThat(viaRaw.listRecords().records()).extracting(Record::key).containsExactly("a");
        assertThat(viaRaw.listRecords().datasetSyncCount()).isEqualTo(viaEncoded.listRecords().datasetSyncCount());
    }

    @Test
    void pathLabels_thatBreakTheModel_areInvalidParameterNamingTheField() {
        HttpResult badPool = client.send("GET", "/identitypools/no-colon/identities/us-east-1%3Aabc/datasets/d/records",
                "", null);
        HttpResult badName = client.send("GET", "/identitypools/us-east-1%3Aabc/identities/us-east-1%3Aabc/datasets/"
                + "bad%20name", "", null);

        assertThat(badPool.status()).isEqualTo(400);
        assertThat(badPool.errorType()).isEqualTo("InvalidParameterException");
        assertThat(badPool.message()).startsWith("identityPoolId:");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.message()).startsWith("datasetName:");
    }

    @Test
    void unknownRoutesAndMethods_are404UnknownOperation() {
        DatasetRef dataset = TestData.dataset();

        HttpResult unknownPath = client.send("GET", "/identitypools/x/somethingelse", "", null);
        HttpResult root = client.send("GET", "/", "", null);
        HttpResult wrongMethod = client.send("PUT", ResourcePaths.dataset(dataset), "", null);
        HttpResult postOnRecords = client.send("POST", ResourcePaths.records(dataset), "", "{}".getBytes());

        for (HttpResult result : List.of(unknownPath, root, wrongMethod, postOnRecords)) {
            assertThat(result.status()).as("%s", result).isEqualTo(404);
            assertThat(result.errorType()).isEqualTo("UnknownOperationException");
            assertThat(result.header("x-amzn-RequestId")).isNotBlank();
            assertThat(result.header("Content-Type")).isEqualTo("application/json");
            assertThat(result.json()).containsKey("message");
        }
    }

    @Test
    void listRecords_withItsOwnSessionToken_continuesTheSession() {
        DatasetRef dataset = TestData.dataset();
        String token = client.list(dataset).syncSessionToken();

        HttpResult again = client.listRaw(ListRecordsRequest.builder().dataset(dataset).syncSessionToken(token).build());
        HttpResult foreign = client.listRaw(ListRecordsRequest.builder().dataset(TestData.dataset())
                .syncSessionToken(token).build());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.listRecords().syncSessionToken()).isEqualTo(token);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.message()).isEqualTo("SyncSessionToken not valid for these inputs");
    }

    @Test
    void oversizedBody_isRefusedWith413BeforeItIsRead() throws Exception {
        java.net.URI endpoint = EMULATOR.endpoint();
        try (java.net.Socket socket = new java.net.Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + ResourcePaths.dataset(TestData.dataset()) + " HTTP/1.1\r\n"
                    + "Host: " + endpoint.getAuthority() + "\r\nContent-Length: 999999999\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.US_ASCII);

            assertThat(response).startsWith("HTTP/1.1 413").contains("x-amzn-ErrorType: RequestEntityTooLargeException")
                    .contains("x-amzn-RequestId: ");
        }
    }
}
