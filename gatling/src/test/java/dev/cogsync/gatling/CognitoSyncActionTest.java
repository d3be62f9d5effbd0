package dev.cogsync.gatling;

import dev.cogsync.workload.PatchMode;
import io.gatling.core.session.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static dev.cogsync.gatling.CognitoSyncDsl.cognitoSync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The actions as a simulation runs them, against the embedded emulator: what Gatling's stats engine is told, what
 * the virtual user's session holds afterwards, and where the failures go.
 */
class CognitoSyncActionTest {

    private static final String IDENTITY = "us-east-1:00000001-0000-4000-8000-000000000000";
    private static GatlingHarness gatling;

    @BeforeAll
    static void start() {
        gatling = new GatlingHarness(cognitoSync().embeddedEmulator());
    }

    @AfterAll
    static void stop() {
        gatling.close();
    }

    private static Map<String, Object> user(String dataset) {
        return Map.of("identityId", IDENTITY, "datasetName", dataset, "key", "theme", "value", "dark");
    }

    @Test
    void aPutIsReportedOkWithItsOwnTimingAndSavesTheSyncCount() throws Exception {
        Session session = gatling.run(cognitoSync("save #{key}")
                .put("#{identityId}", "#{datasetName}", "#{key}", "#{value}").saveAs("count"), user("puts"));

        assertThat(session.isFailed()).isFalse();
        assertThat(session.attributes().apply("count")).isInstanceOf(Long.class);
        assertThat(gatling.logged()).anySatisfy(entry -> {
            assertThat(entry.name()).isEqualTo("save theme");
            assertThat(entry.status()).isEqualTo("OK");
            assertThat(entry.scenario()).isEqualTo("scenario");
            assertThat(entry.end()).isGreaterThanOrEqualTo(entry.start()).isPositive();
        });
    }

    @Test
    void eachSuccessfulUpdateRecordsIsReportedByItsBatchSize() throws Exception {
        gatling.run(cognitoSync("batched").put("#{identityId}", "#{datasetName}", "#{key}", "#{value}"),
                user("batches"));

        assertThat(gatling.logged()).anySatisfy(entry -> {
            assertThat(entry.name()).isEqualTo("UpdateRecords carrying 1 patch");
            assertThat(entry.scenario()).isEqualTo(BatchSizes.SCENARIO);
            assertThat(entry.status()).isEqualTo("OK");
        });
    }

    @Test
    void aStaleSubmitIsKoWithTheServicesErrorCodeAndStatus() throws Exception {
        Map<String, Object> user = user("stale");
        gatling.run(cognitoSync("first").put("#{identityId}", "#{datasetName}", "#{key}", "#{value}"), user);

        Session session = gatling.run(cognitoSync("stale edit")
                .submit("#{identityId}", "#{datasetName}", "#{key}", "light", "0"), user);

        assertThat(session.isFailed()).isTrue();
        assertThat(gatling.logged()).anySatisfy(entry -> {
            assertThat(entry.name()).isEqualTo("stale edit");
            assertThat(entry.status()).isEqualTo("KO");
            assertThat(entry.responseCode()).isEqualTo("409");
            assertThat(entry.message()).isEqualTo("ResourceConflictException");
        });
    }

    @Test
    void aSubmitCarryingTheSavedCountSucceeds() throws Exception {
        Map<String, Object> user = user("carried");
        Session first = gatling.run(cognitoSync("first")
                .put("#{identityId}", "#{datasetName}", "#{key}", "#{value}").saveAs("syncCount"), user);
        Map<String, Object> next = new java.util.HashMap<>(user);
        next.put("syncCount", first.attributes().apply("syncCount"));

        Session edited = gatling.run(cognitoSync("edit")
                .submit("#{identityId}", "#{datasetName}", "#{key}", "light", "#{syncCount}").saveAs("syncCount"),
                next);

        assertThat(edited.isFailed()).isFalse();
        assertThat((Long) edited.attributes().apply("syncCount")).isGreaterThan((Long) next.get("syncCount"));
    }

    @Test
    void listingsSaveTheLiveRecordsSyncCounts() throws Exception {
        Map<String, Object> user = user("listed");
        Session theme = gatling.run(cognitoSync("put").put("#{identityId}", "#{datasetName}", "#{key}", "#{value}")
                .saveAs("count"), user);
        gatling.run(cognitoSync("put").put("#{identityId}", "#{datasetName}", "font", "serif"), user);
        gatling.run(cognitoSync("remove").remove("#{identityId}", "#{datasetName}", "font"), user);

        Session page = gatling.run(cognitoSync("list").listRecords("#{identityId}", "#{datasetName}")
                .saveAs("records"), user);
        Session all = gatling.run(cognitoSync("list all").listAllRecords("#{identityId}", "#{datasetName}")
                .saveAs("records"), user);

        assertThat(page.attributes().apply("records"))
                .isEqualTo(Map.of("theme", theme.attributes().apply("count")));
        assertThat(((Map<?, ?>) all.attributes().apply("records")).keySet()).isEqualTo(java.util.Set.of("theme"));
    }

    @Test
    void getIdCreatesAnIdentityThatThenSignsItsOwnWrites() throws Exception {
        try (GatlingHarness identities = new GatlingHarness(cognitoSync().embeddedEmulator().cognitoIdentity())) {
            Session created = identities.run(cognitoSync("new identity").getId().saveAs("identityId"), Map.of());
            String identity = (String) created.attributes().apply("identityId");

            Session wrote = identities.run(cognitoSync("own write").put("#{identityId}", "mine", "k", "v"),
                    Map.of("identityId", identity));
            // An identity that Cognito Identity did not create has no credentials to sign with.
            Session stranger = identities.run(cognitoSync("stranger").put("#{identityId}", "mine", "k", "v"),
                    Map.of("identityId", IDENTITY));

            assertThat(identity).startsWith("us-east-1:");
            assertThat(wrote.isFailed()).isFalse();
            assertThat(stranger.isFailed()).isTrue();
            assertThat(identities.logged()).anySatisfy(entry -> {
                assertThat(entry.name()).isEqualTo("stranger");
                assertThat(entry.status()).isEqualTo("KO");
                assertThat(entry.message()).isEqualTo("CredentialsException");
            });
        }
    }

    @Test
    void aMissingAttributeIsACrashAndNothingIsSent() throws Exception {
        Session session = gatling.run(cognitoSync("no key")
                .put("#{identityId}", "#{datasetName}", "#{absent}", "#{value}"), user("crash"));

        assertThat(session.isFailed()).isTrue();
        assertThat(gatling.logged()).anySatisfy(entry -> {
            assertThat(entry.name()).isEqualTo("no key");
            assertThat(entry.status()).isEqualTo("CRASH");
            assertThat(entry.message()).startsWith("failed to build request: ").contains("absent");
        });
    }

    @Test
    void badInputIsKoNamingTheFieldAndTheRuleBeforeAnythingIsSent() throws Exception {
        Session badCount = gatling.run(cognitoSync("bad count")
                .submit("#{identityId}", "#{datasetName}", "#{key}", "#{value}", "many"), user("bad"));
        Session badName = gatling.run(cognitoSync("bad dataset")
                .put("#{identityId}", "no spaces allowed", "#{key}", "#{value}"), user("bad"));

        assertThat(badCount.isFailed()).isTrue();
        assertThat(badName.isFailed()).isTrue();
        assertThat(gatling.logged()).anySatisfy(entry -> {
            assertThat(entry.name()).isEqualTo("bad count");
            assertThat(entry.message()).isEqualTo(
                    "IllegalArgumentException: syncCount: must be a whole number, was \"many\"");
        });
        assertThat(gatling.logged()).anySatisfy(entry -> {
            assertThat(entry.name()).isEqualTo("bad dataset");
            assertThat(entry.status()).isEqualTo("KO");
            assertThat(entry.message()).startsWith("ValidationException: ").contains("datasetName");
        });
    }

    @Test
    void getIdWithoutCognitoIdentityIsRefusedWhenTheSimulationStarts() {
        try (GatlingHarness plain = new GatlingHarness(cognitoSync().embeddedEmulator())) {
            assertThatThrownBy(() -> cognitoSync("id").getId().asScala().build(plain.context(), null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cognitoSync(...).getId() needs the protocol's .cognitoIdentity()");
        }
    }

    @Test
    void theProtocolsClientTreatsThrottlingAsLatency() {
        CognitoSyncComponents components = gatling.context().protocolComponentsRegistry()
                .components(CognitoSyncProtocol.KEY);

        // 10 attempts a call and no quota to run out: at 30% of requests throttled, a call fails once in 170,000
        // (gatling/standalone.sh throttled measures it end to end).
        assertThat(components.client().options().retryPolicy().maxAttempts()).isEqualTo(10);
        assertThat(components.client().options().retryPolicy().quotaEnabled()).isFalse();
    }

    @Test
    void clientOptionsAdjustTheProtocolsClient() throws Exception {
        try (GatlingHarness adjusted = new GatlingHarness(cognitoSync().embeddedEmulator()
                .clientOptions(options -> options.maxConnections(3).adaptiveRate(true)))) {
            CognitoSyncComponents components = adjusted.context().protocolComponentsRegistry()
                    .components(CognitoSyncProtocol.KEY);

            assertThat(components.client().options().maxConnections()).isEqualTo(3);
            assertThat(components.client().options().adaptiveRate()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(PatchMode.class)
    void everyModeWritesThroughTheSameActions(PatchMode mode) throws Exception {
        try (GatlingHarness harness = new GatlingHarness(cognitoSync().embeddedEmulator().mode(mode))) {
            Session session = harness.run(cognitoSync("put")
                    .put("#{identityId}", "#{datasetName}", "#{key}", "#{value}").saveAs("count"), user("modes"));

            assertThat(session.isFailed()).isFalse();
            assertThat(harness.logged()).anySatisfy(entry -> assertThat(entry.name()).isEqualTo("put"));
        }
    }
}
