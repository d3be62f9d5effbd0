package dev.cogsync.protocol;

import dev.cogsync.exception.MalformedResponseException;
import dev.cogsync.exception.ValidationException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Operation;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateRecordsCodecTest {

    static final DatasetRef VECTOR_DATASET = DatasetRef.of("us-east-1:23ec4050-6aea-7089-a2dd-08002e000000",
            "us-east-1:11111111-2222-3333-4444-555555555555", "game.settings");

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void encodesTheCognitoSyncVectorRequestExactly() {
        UpdateRecordsRequest request = UpdateRecordsRequest.builder().dataset(VECTOR_DATASET)
                .addRecordPatch(RecordPatch.replace("highScore", "42", 5)).syncSessionToken("tok").build();

        WireRequest wire = UpdateRecordsCodec.encodeRequest(request);

        assertThat(wire.method()).isEqualTo("POST");
        assertThat(wire.path()).isEqualTo("/identitypools/us-east-1%3A23ec4050-6aea-7089-a2dd-08002e000000"
                + "/identities/us-east-1%3A11111111-2222-3333-4444-555555555555/datasets/game.settings");
        assertThat(wire.query()).isEmpty();
        assertThat(wire.headers()).containsExactly(new HttpHeader("Content-Type", "application/json"));
        assertThat(new String(wire.body(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"highScore\",\"Value\":\"42\",\"SyncCount\":5}],"
                        + "\"SyncSessionToken\":\"tok\"}");
    }

    @Test
    void encodesEveryMemberInAFixedOrder() {
        UpdateRecordsRequest request = UpdateRecordsRequest.builder().dataset(VECTOR_DATASET).deviceId("dev-1")
                .syncSessionToken("tok").clientContext("e30=")
                .addRecordPatch(RecordPatch.replace("highScore", "100", 4)
                        .withDeviceLastModifiedDate(Instant.parse("2024-01-02T03:04:05.678Z")))
                .addRecordPatch(RecordPatch.remove("old", 3))
                .build();

        WireRequest wire = UpdateRecordsCodec.encodeRequest(request);

        assertThat(wire.headers()).containsExactly(new HttpHeader("Content-Type", "application/json"),
                new HttpHeader("x-amz-Client-Context", "e30="));
        assertThat(new String(wire.body(), StandardCharsets.UTF_8)).isEqualTo("{\"DeviceId\":\"dev-1\","
                + "\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"highScore\",\"Value\":\"100\",\"SyncCount\":4,"
                + "\"DeviceLastModifiedDate\":1704164645.678},{\"Op\":\"remove\",\"Key\":\"old\",\"SyncCount\":3}],"
                + "\"SyncSessionToken\":\"tok\"}");
    }

    @Test
    void escapesStringsAndKeepsUnicode() {
        UpdateRecordsRequest request = UpdateRecordsRequest.builder().dataset(VECTOR_DATASET).syncSessionToken("t")
                .addRecordPatch(RecordPatch.replace("quote\"back\\slash", "line\nbreak ሴ 😀", 0)).build();
        String body = new String(UpdateRecordsCodec.encodeBody(request), StandardCharsets.UTF_8);
        assertThat(body).contains("\"Key\":\"quote\\\"back\\\\slash\"", "\"Value\":\"line\\nbreak ሴ 😀\"");
    }

    @Test
    void serverDecodesWhatTheClientEncodes() {
        UpdateRecordsRequest request = UpdateRecordsRequest.builder().dataset(VECTOR_DATASET).deviceId("dev-1")
                .syncSessionToken("tok").clientContext("ctx")
                .addRecordPatch(RecordPatch.replace("a", "ሴ", 4)
                        .withDeviceLastModifiedDate(Instant.ofEpochSecond(1704164645, 123456789)))
                .addRecordPatch(RecordPatch.remove("b", 9)).build();
        byte[] body = UpdateRecordsCodec.encodeBody(request);

        assertThat(UpdateRecordsCodec.decodeRequest(VECTOR_DATASET, "ctx", body, 0, body.length)).isEqualTo(request);
    }

    @Test
    void serverDecodesBoto3SpacingAndIgnoresUnknownMembers() {
        byte[] body = utf8("{\"SyncSessionToken\": \"tok\", \"Extra\": {\"x\": [1, 2]}, \"RecordPatches\": "
                + "[{\"Op\": \"replace\", \"Key\": \"highScore\", \"Value\": \"42\", \"SyncCount\": 5, \"Z\": null}]}");
        UpdateRecordsRequest request = UpdateRecordsCodec.decodeRequest(VECTOR_DATASET, null, body, 0, body.length);
        assertThat(request.recordPatches()).containsExactly(RecordPatch.replace("highScore", "42", 5));
        assertThat(request.syncSessionToken()).isEqualTo("tok");
    }

    @Test
    void serverDropsAValueSentWithRemove() {
        byte[] body = utf8("{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"remove\",\"Key\":\"k\","
                + "\"Value\":\"v\",\"SyncCount\":2}]}");
        assertThat(UpdateRecordsCodec.decodeRequest(VECTOR_DATASET, null, body, 0, body.length).recordPatches())
                .containsExactly(new RecordPatch(Operation.REMOVE, "k", null, 2, null));
    }

    @Test
    void serverRejectsBadPatchesNamingTheIndexedField() {
        assertDecodeFails("{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"a\","
                + "\"Value\":\"1\",\"SyncCount\":0},{\"Op\":\"upsert\",\"Key\":\"b\",\"SyncCount\":0}]}",
                "recordPatches[1].op", "must be replace or remove");
        assertDecodeFails("{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"a\","
                + "\"Value\":\"1\"}]}", "recordPatches[0].syncCount", "is required");
        assertDecodeFails("{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"\","
                + "\"Value\":\"1\",\"SyncCount\":0}]}", "recordPatches[0].key",
                "length must be between 1 and 1024 characters, was 0");
        assertDecodeFails("{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"a\","
                + "\"Value\":\"1\",\"SyncCount\":-3}]}", "recordPatches[0].syncCount", "must be >= 0, was -3");
        assertDecodeFails("{\"RecordPatches\":[]}", "syncSessionToken", "is required");
        assertDecodeFails("{\"SyncSessionToken\":\"t\",\"RecordPatches\":[{\"Op\":\"replace\",\"Key\":\"a\","
                + "\"Value\":\"1\",\"SyncCount\":0},{\"Op\":\"remove\",\"Key\":\"a\",\"SyncCount\":1}]}",
                "recordPatches[1].key", "must be unique within a request, repeats recordPatches[0].key, length 1");
    }

    @Test
    void serverRejectsBodiesThatAreNotJsonObjects() {
        assertThatThrownBy(() -> UpdateRecordsCodec.decodeRequest(VECTOR_DATASET, null, utf8("[1]"), 0, 3))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("body: must be a JSON UpdateRecords request: the request body must be");
        byte[] truncated = utf8("{\"SyncSessionToken\":\"t\",\"RecordPatches\":[");
        assertThatThrownBy(() -> UpdateRecordsCodec.decodeRequest(VECTOR_DATASET, null, truncated, 0,
                truncated.length)).isInstanceOf(ValidationException.class);
    }

    private static void assertDecodeFails(String json, String field, String rule) {
        byte[] body = utf8(json);
        assertThatThrownBy(() -> UpdateRecordsCodec.decodeRequest(VECTOR_DATASET, null, body, 0, body.length))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).isEqualTo(rule);
                });
    }

    @Test
    void decodesResponsesWithFractionalDatesAndTombstonesAbsentOrNull() {
        byte[] body = utf8("{\"Records\":[{\"Key\":\"a\",\"Value\":\"1\",\"SyncCount\":7,"
                + "\"LastModifiedDate\":1704164645.678,\"LastModifiedBy\":\"dev-1\","
                + "\"DeviceLastModifiedDate\":1704164645},"
                + "{\"Key\":\"b\",\"SyncCount\":7,\"LastModifiedDate\":1.704164645678E9},"
                + "{\"Key\":\"c\",\"Value\":null,\"SyncCount\":7,\"Unknown\":{\"nested\":[true]}}]}");

        UpdateRecordsResponse response = UpdateRecordsCodec.decodeResponse(body, 0, body.length);

        assertThat(response.records()).containsExactly(
                new Record("a", "1", 7, Instant.parse("2024-01-02T03:04:05.678Z"), "dev-1",
                        Instant.parse("2024-01-02T03:04:05Z")),
                new Record("b", null, 7, Instant.parse("2024-01-02T03:04:05.678Z"), null, null),
                new Record("c", null, 7, null, null, null));
        assertThat(response.record("b").isDeleted()).isTrue();
    }

    @Test
    void decodesAnEmptyOrRecordlessResponse() {
        assertThat(UpdateRecordsCodec.decodeResponse(utf8("{}"), 0, 2).records()).isEmpty();
        assertThat(UpdateRecordsCodec.decodeResponse(utf8("{\"Records\":null}"), 0, 16).records()).isEmpty();
    }

    @Test
    void decodesFromAnOffset() {
        byte[] framed = utf8("xx{\"Records\":[{\"Key\":\"a\",\"SyncCount\":1}]}yy");
        assertThat(UpdateRecordsCodec.decodeResponse(framed, 2, framed.length - 4).records())
                .extracting(Record::key).containsExactly("a");
    }

    @Test
    void malformedResponsesFailWithoutQuotingTheBody() {
        byte[] body = utf8("{\"Records\":[{\"Value\":\"private-data\",\"SyncCount\":1}]}");
        assertThatThrownBy(() -> UpdateRecordsCodec.decodeResponse(body, 0, body.length))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageStartingWith("UpdateRecords response is not valid: a record has no Key at byte offset")
                .hasMessageNotContaining("private-data");
        byte[] html = utf8("<html>private-data</html>");
        assertThatThrownBy(() -> UpdateRecordsCodec.decodeResponse(html, 0, html.length))
                .isInstanceOf(MalformedResponseException.class).hasMessageNotContaining("private-data");
    }

    @Test
    void serverEncodesResponsesTheClientDecodes() {
        UpdateRecordsResponse response = new UpdateRecordsResponse(List.of(
                new Record("a", "ሴ", 3, Instant.ofEpochSecond(1704164645, 5_000_000), "id", null),
                new Record("b", null, 3, Instant.ofEpochSecond(1704164645), null,
                        Instant.ofEpochSecond(1, 1))));
        byte[] body = UpdateRecordsCodec.encodeResponse(response);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"Records\":[{\"Key\":\"a\",\"Value\":\"ሴ\","
                + "\"SyncCount\":3,\"LastModifiedDate\":1704164645.005,\"LastModifiedBy\":\"id\"},"
                + "{\"Key\":\"b\",\"SyncCount\":3,\"LastModifiedDate\":1704164645,"
                + "\"DeviceLastModifiedDate\":1.000000001}]}");
        assertThat(UpdateRecordsCodec.decodeResponse(body, 0, body.length)).isEqualTo(response);
    }

    @Test
    void decodingWithTheSentPatchesReusesTheirStringsAndGivesEqualRecords() {
        List<RecordPatch> sent = List.of(RecordPatch.replace("a", "value-a", 0), RecordPatch.remove("b", 3),
                RecordPatch.replace("c", "value-c", 1));
        byte[] body = utf8("{\"Records\":[{\"Key\":\"a\",\"Value\":\"value-a\",\"SyncCount\":4,"
                + "\"LastModifiedDate\":1704164645.678,\"LastModifiedBy\":\"dev\"},"
                + "{\"Key\":\"b\",\"SyncCount\":4,\"LastModifiedDate\":1704164645.678,\"LastModifiedBy\":\"dev\"},"
                + "{\"Key\":\"c\",\"Value\":\"changed by a trigger\",\"SyncCount\":4,"
                + "\"LastModifiedDate\":1704164645.678,\"LastModifiedBy\":\"dev\"}]}");

        UpdateRecordsResponse reused = UpdateRecordsCodec.decodeResponse(body, 0, body.length, sent);

        assertThat(reused).isEqualTo(UpdateRecordsCodec.decodeResponse(body, 0, body.length));
        assertThat(reused.records().get(0).key()).isSameAs(sent.get(0).key());
        assertThat(reused.records().get(0).value()).isSameAs(sent.get(0).value());
        assertThat(reused.records().get(2).value()).isEqualTo("changed by a trigger");
        assertThat(reused.records().get(1).lastModifiedDate()).isSameAs(reused.records().get(0).lastModifiedDate());
        assertThat(reused.records().get(2).lastModifiedBy()).isSameAs(reused.records().get(0).lastModifiedBy());
    }

    @Test
    void decodesRecordsWhoseMembersComeInAnyOrderWithUnknownOnesBetween() {
        byte[] body = utf8("{\"Records\":[{\"SyncCount\":4,\"Extra\":[1,{\"a\":2}],\"LastModifiedBy\":\"dev\","
                + "\"Value\":\"v\",\"Key\":\"k\"},{\"Key\":\"j\",\"DeviceLastModifiedDate\":2,\"SyncCount\":5,"
                + "\"Value\":null,\"Later\":true}]}");

        assertThat(UpdateRecordsCodec.decodeResponse(body, 0, body.length).records()).containsExactly(
                new Record("k", "v", 4, null, "dev", null),
                new Record("j", null, 5, null, null, Instant.ofEpochSecond(2)));
    }
}
