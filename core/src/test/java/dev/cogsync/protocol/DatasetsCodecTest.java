package dev.cogsync.protocol;

import dev.cogsync.exception.MalformedResponseException;
import dev.cogsync.model.Dataset;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.IdentityUsage;
import dev.cogsync.model.ListDatasetsRequest;
import dev.cogsync.model.ListDatasetsResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetsCodecTest {

    private static final String POOL = "us-east-1:23ec4050-6aea-7089-a2dd-08002e000000";
    private static final String IDENTITY = "us-east-1:11111111-2222-3333-4444-555555555555";
    private static final Dataset DATASET = new Dataset(IDENTITY, "game.settings",
            Instant.parse("2026-11-21T12:00:00Z"), Instant.parse("2026-11-21T12:00:00.125Z"), "dev-1", 42, 3);

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void requestsArePathsOfTheirOperationWithoutBodies() {
        DatasetRef ref = DatasetRef.of(POOL, IDENTITY, "game.settings");
        String identityPath = "/identitypools/us-east-1%3A23ec4050-6aea-7089-a2dd-08002e000000/identities/"
                + "us-east-1%3A11111111-2222-3333-4444-555555555555";
        assertThat(DatasetsCodec.describeRequest(ref)).extracting(WireRequest::method, WireRequest::path)
                .containsExactly("GET", identityPath + "/datasets/game.settings");
        assertThat(DatasetsCodec.deleteRequest(ref).method()).isEqualTo("DELETE");
        assertThat(DatasetsCodec.identityUsageRequest(POOL, IDENTITY).path()).isEqualTo(identityPath);
        WireRequest list = DatasetsCodec.listRequest(new ListDatasetsRequest(POOL, IDENTITY, 5, "a b/c"));
        assertThat(list.path()).isEqualTo(identityPath + "/datasets");
        assertThat(list.query()).isEqualTo("maxResults=5&nextToken=a%20b%2Fc");
        assertThat(list.body()).isEmpty();
    }

    @Test
    void whatTheEmulatorWritesTheClientReadsBackExactly() {
        assertThat(DatasetsCodec.decodeDataset(DatasetsCodec.encodeDataset(DATASET))).isEqualTo(DATASET);
        ListDatasetsResponse page = new ListDatasetsResponse(List.of(DATASET, new Dataset(IDENTITY, "other", null,
                null, null, 0, 0)), 2, "next");
        assertThat(DatasetsCodec.decodeList(DatasetsCodec.encodeList(page))).isEqualTo(page);
        IdentityUsage usage = new IdentityUsage(POOL, IDENTITY, 2, 42, Instant.parse("2026-11-21T12:00:01Z"));
        assertThat(DatasetsCodec.decodeIdentityUsage(DatasetsCodec.encodeIdentityUsage(usage))).isEqualTo(usage);
    }

    @Test
    void datesAreEpochSecondsWithTheirFractionAndWholeSecondsStayWhole() {
        String encoded = new String(DatasetsCodec.encodeDataset(DATASET), StandardCharsets.UTF_8);
        assertThat(encoded).contains("\"CreationDate\":1795262400,").contains("\"LastModifiedDate\":1795262400.125");
        assertThat(DatasetsCodec.decodeDataset(json("{\"Dataset\":{\"IdentityId\":\"i\",\"DatasetName\":\"d\","
                + "\"CreationDate\":1.7637264E9}}")).creationDate()).isEqualTo(Instant.ofEpochSecond(1763726400));
    }

    @Test
    void answersThatAreNotWhatTheOperationReturnsAreMalformed() {
        assertThatThrownBy(() -> DatasetsCodec.decodeDataset(json("{}")))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("no Dataset");
        assertThatThrownBy(() -> DatasetsCodec.decodeDataset(json("{\"Dataset\":{\"DatasetName\":\"d\"}}")))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("IdentityId");
        assertThatThrownBy(() -> DatasetsCodec.decodeList(json("[]")))
                .isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> DatasetsCodec.decodeIdentityUsage(json("{\"IdentityUsage\":{}}")))
                .isInstanceOf(MalformedResponseException.class);
        assertThat(DatasetsCodec.decodeList(json("{\"Datasets\":[]}")).count()).isZero();
    }
}
