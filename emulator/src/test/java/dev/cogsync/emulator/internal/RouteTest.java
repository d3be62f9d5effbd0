package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.model.DatasetRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTest {

    private static final String DATASET = "/identitypools/us-east-1%3Aabc/identities/us-east-1%3Adef/datasets/ds";

    @Test
    void match_namesEachOperationByMethodAndPath() {
        assertThat(Route.match("GET", DATASET + "/records").operation()).isEqualTo(ApiOperation.LIST_RECORDS);
        assertThat(Route.match("POST", DATASET).operation()).isEqualTo(ApiOperation.UPDATE_RECORDS);
        assertThat(Route.match("GET", DATASET).operation()).isEqualTo(ApiOperation.DESCRIBE_DATASET);
        assertThat(Route.match("DELETE", DATASET).operation()).isEqualTo(ApiOperation.DELETE_DATASET);
        assertThat(Route.match("GET", "/identitypools/p/identities/i/datasets").operation())
                .isEqualTo(ApiOperation.LIST_DATASETS);
        assertThat(Route.match("GET", "/identitypools/p/identities/i").operation())
                .isEqualTo(ApiOperation.DESCRIBE_IDENTITY_USAGE);
    }

    @Test
    void match_keepsLabelsRaw() {
        Route route = Route.match("GET", DATASET + "/records");

        assertThat(route.rawPoolId()).isEqualTo("us-east-1%3Aabc");
        assertThat(route.rawIdentityId()).isEqualTo("us-east-1%3Adef");
        assertThat(route.rawDatasetName()).isEqualTo("ds");
    }

    @Test
    void match_refusesEverythingElse() {
        for (String[] request : new String[][] {
                {"PUT", DATASET}, {"POST", DATASET + "/records"}, {"DELETE", DATASET + "/records"},
                {"GET", DATASET + "/records/extra"}, {"GET", DATASET + "/record"}, {"GET", "/"}, {"GET", ""},
                {"GET", "identitypools/p/identities/i/datasets"}, {"POST", "/identitypools/p/identities/i/datasets"},
                {"GET", "/identitypool/p/identities/i/datasets/d"}, {"GET", "/identitypools/p/identity/i/datasets/d"},
                {"GET", "/identitypools/p/identities/i/dataset/d"}, {"POST", "/identitypools/p/identities/i"},
                {"GET", "/identitypools/p/identities"}, {"GET", "/identitypools/p/identity/i"},
                {"HEAD", DATASET}, {"GET", DATASET + "/records/a/b/c/d"}}) {
            assertThat(Route.match(request[0], request[1]).operation()).as("%s %s", request[0], request[1])
                    .isEqualTo(ApiOperation.UNKNOWN);
        }
    }

    @Test
    void dataset_decodesAndValidatesTheLabels() {
        DatasetRef encoded = Route.match("GET", DATASET).dataset();
        DatasetRef raw = Route.match("GET", "/identitypools/us-east-1:abc/identities/us-east-1:def/datasets/ds")
                .dataset();

        assertThat(encoded).isEqualTo(DatasetRef.of("us-east-1:abc", "us-east-1:def", "ds")).isEqualTo(raw);
        assertThat(Route.match("GET", "/identitypools/us-east-1:abc/identities/us-east-1:def/datasets")
                .dataset().identityId()).isEqualTo("us-east-1:def");
    }

    @Test
    void dataset_withABadLabel_isInvalidParameterNamingTheField() {
        assertThatThrownBy(() -> Route.match("GET", "/identitypools/abc/identities/us-east-1:def/datasets/ds")
                .dataset()).isInstanceOfSatisfying(ServiceError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("InvalidParameterException");
                    assertThat(e.getMessage()).startsWith("identityPoolId:");
                });
        assertThatThrownBy(() -> Route.match("GET", "/identitypools/us-east-1:abc/identities/us-east-1:def/datasets/")
                .dataset()).isInstanceOfSatisfying(ServiceError.class,
                        e -> assertThat(e.getMessage()).startsWith("datasetName:"));
    }

    @Test
    void queryString_decodesParametersAndKeepsTheFirstOfARepeatedName() {
        assertThat(QueryString.parse("lastSyncCount=3&nextToken=a%2Bb%3D&flag&lastSyncCount=9&&"))
                .containsEntry("lastSyncCount", "3").containsEntry("nextToken", "a+b=").containsEntry("flag", "")
                .hasSize(3);
        assertThat(QueryString.parse("")).isEmpty();
    }

    @Test
    void receivedRequest_splitsTheRawTarget() {
        ReceivedRequest plain = ReceivedRequest.of("GET", "/a%3Ab?x=1?y", null, new byte[0]);
        ReceivedRequest absolute = ReceivedRequest.of("GET", "http://host:1/p?q", null, new byte[0]);

        assertThat(plain.rawPath()).isEqualTo("/a%3Ab");
        assertThat(plain.rawQuery()).isEqualTo("x=1?y");
        assertThat(absolute.rawPath()).isEqualTo("/p");
        assertThat(absolute.rawQuery()).isEqualTo("q");
    }
}
