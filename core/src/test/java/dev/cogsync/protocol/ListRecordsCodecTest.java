package dev.cogsync.protocol;

import dev.cogsync.exception.MalformedResponseException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListRecordsCodecTest {

    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:23ec4050", "eu-west-1:1111-aa",
            "merged:name");

    @Test
    void encodesAGetWithPercentEncodedLabelsAndNoBody() {
        WireRequest wire = ListRecordsCodec.encodeRequest(ListRecordsRequest.of(DATASET));
        assertThat(wire.method()).isEqualTo("GET");
        assertThat(wire.path())
                .isEqualTo("/identitypools/us-east-1%3A23ec4050/identities/eu-west-1%3A1111-aa/datasets/merged%3Aname/records");
        assertThat(wire.query()).isEmpty();
        assertThat(wire.headers()).isEmpty();
        assertThat(wire.body()).isEmpty();
    }

    @Test
    void encodesEveryQueryParameterSortedAndEncoded() {
        WireRequest wire = ListRecordsCodec.encodeRequest(ListRecordsRequest.builder().dataset(DATASET)
                .lastSyncCount(12L).maxResults(100).nextToken("a/b+c=").syncSessionToken("s p:ce").build());
        assertThat(wire.query())
                .isEqualTo("lastSyncCount=12&maxResults=100&nextToken=a%2Fb%2Bc%3D&syncSessionToken=s%20p%3Ace");
        assertThat(wire.pathAndQuery()).endsWith("/records?lastSyncCount=12&maxResults=100&nextToken=a%2Fb%2Bc%3D"
                + "&syncSessionToken=s%20p%3Ace");
    }

    @Test
    void encodesOnlyWhatIsSet() {
        assertThat(ListRecordsCodec.encodeRequest(ListRecordsRequest.builder().dataset(DATASET)
                .syncSessionToken("t").build()).query()).isEqualTo("syncSessionToken=t");
        assertThat(ListRecordsCodec.encodeRequest(ListRecordsRequest.builder().dataset(DATASET)
                .maxResults(5).build()).query()).isEqualTo("maxResults=5");
    }

    @Test
    void serverDecodesTheQuery() {
        ListRecordsRequest request = ListRecordsCodec.decodeRequest(DATASET, Map.of("lastSyncCount", "3",
                "maxResults", "10", "nextToken", "n", "syncSessionToken", "s", "ignored", "x"));
        assertThat(request).isEqualTo(ListRecordsRequest.builder().dataset(DATASET).lastSyncCount(3L)
                .maxResults(10).nextToken("n").syncSessionToken("s").build());
        assertThatThrownBy(() -> ListRecordsCodec.decodeRequest(DATASET, Map.of("lastSyncCount", "x")))
                .hasMessage("lastSyncCount: must be an integer, length 1");
        assertThatThrownBy(() -> ListRecordsCodec.decodeRequest(DATASET, Map.of("maxResults", "99999999999")))
                .hasMessage("maxResults: must be a 32-bit integer, was 99999999999");
        assertThatThrownBy(() -> ListRecordsCodec.decodeRequest(DATASET, Map.of("lastSyncCount", "-2")))
                .hasMessage("lastSyncCount: must be >= 0, was -2");
    }

    @Test
    void decodesEveryResponseMember() {
        String json = "{\"Records\":[{\"Key\":\"a\",\"Value\":\"1\",\"SyncCount\":2,\"LastModifiedDate\":1.5},"
                + "{\"Key\":\"gone\",\"Value\":null,\"SyncCount\":3}],\"NextToken\":\"nt\",\"Count\":2,"
                + "\"DatasetSyncCount\":3,\"LastModifiedBy\":\"who\",\"MergedDatasetNames\":[\"m1\",\"m2\"],"
                + "\"DatasetExists\":true,\"DatasetDeletedAfterRequestedSyncCount\":false,\"SyncSessionToken\":\"st\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);

        ListRecordsResponse response = ListRecordsCodec.decodeResponse(body, 0, body.length);

        assertThat(response).isEqualTo(new ListRecordsResponse(List.of(
                new Record("a", "1", 2, Instant.ofEpochSecond(1, 500_000_000), null, null),
                new Record("gone", null, 3, null, null, null)), "nt", 2, 3, "who", List.of("m1", "m2"), true,
                false, "st"));
    }

    @Test
    void decodesTheResponseForADatasetThatDoesNotExist() {
        byte[] body = "{\"Count\":0,\"DatasetExists\":false,\"DatasetSyncCount\":0,\"Records\":[],\"SyncSessionToken\":\"s\"}"
                .getBytes(StandardCharsets.UTF_8);
        ListRecordsResponse response = ListRecordsCodec.decodeResponse(body, 0, body.length);
        assertThat(response.datasetExists()).isFalse();
        assertThat(response.datasetSyncCount()).isZero();
        assertThat(response.records()).isEmpty();
        assertThat(response.syncSessionToken()).isEqualTo("s");
    }

    @Test
    void malformedResponseFails() {
        byte[] body = "{\"DatasetSyncCount\":\"three\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ListRecordsCodec.decodeResponse(body, 0, body.length))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("expected an integer");
    }

    @Test
    void serverEncodesResponsesTheClientDecodes() {
        ListRecordsResponse response = ListRecordsResponse.builder()
                .records(List.of(new Record("k", "v", 4, Instant.ofEpochSecond(10, 250_000_000), "me", null),
                        new Record("t", null, 5, null, null, null)))
                .nextToken("next").datasetSyncCount(5).lastModifiedBy("me").mergedDatasetNames(List.of("x"))
                .datasetExists(true).syncSessionToken("session").build();
        byte[] body = ListRecordsCodec.encodeResponse(response);
        assertThat(ListRecordsCodec.decodeResponse(body, 0, body.length)).isEqualTo(response);
    }
}
