package dev.cogsync.gatling;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.workload.Workload;
import dev.cogsync.workload.WriterCursor;

import java.util.Iterator;
import java.util.Map;

/**
 * The Cognito Sync DSL for Gatling simulations in Java (or Kotlin): {@code import static
 * dev.cogsync.gatling.CognitoSyncDsl.*;}
 *
 * <pre>{@code
 * Workload workload = Workload.builder().writers(200).datasets(8).keyPerWriter()
 *     .injector(Injector.current()).build();
 * ScenarioBuilder writers = scenario("writers")
 *     .feed(workloadFeeder(workload))
 *     .repeat(20, "n").on(exec(cognitoSync("put")
 *         .put("#{identityId}", "#{datasetName}", "#{key}", "#{value}-#{n}")));
 * setUp(writers.injectOpen(rampUsers(200).during(30)))
 *     .protocols(cognitoSync().embeddedEmulator())
 *     .assertions(details("put").failedRequests().count().is(0L));
 * }</pre>
 */
public final class CognitoSyncDsl {

    private CognitoSyncDsl() {
    }

    /**
     * The protocol, to configure and give to {@code setUp(...).protocols(...)}.
     *
     * @return the default protocol: coalesced writes, no target yet
     */
    public static CognitoSyncProtocolBuilder cognitoSync() {
        return CognitoSyncProtocolBuilder.DEFAULT;
    }

    /**
     * A request, named for Gatling's report.
     *
     * @param requestName the name, Expression Language allowed
     * @return the request, to choose what it does
     */
    public static CognitoSyncRequest cognitoSync(String requestName) {
        return new CognitoSyncRequest(requestName);
    }

    /**
     * A feeder over a {@link Workload}: record {@code n} is writer {@code n mod writers}'s next patch, with the
     * attributes {@code identityPoolId}, {@code identityId}, {@code datasetName}, {@code key}, {@code value} and
     * {@code writer}. Fed once per virtual user, it gives each its own writer (and with a key per writer, its own
     * key), in this injector's share of the datasets. Endless, and safe to share between scenarios.
     *
     * @param workload the layout
     * @return the feeder, for {@code feed(...)}
     */
    public static Iterator<Map<String, Object>> workloadFeeder(Workload workload) {
        return new WorkloadFeeder(workload);
    }

    /** The iterator behind {@link #workloadFeeder(Workload)}. */
    private static final class WorkloadFeeder implements Iterator<Map<String, Object>> {
        private final WriterCursor[] cursors;
        private long fed;

        WorkloadFeeder(Workload workload) {
            cursors = new WriterCursor[workload.writers()];
            for (int w = 0; w < cursors.length; w++) {
                cursors[w] = workload.cursor(w);
            }
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public synchronized Map<String, Object> next() {
            int writer = (int) (fed++ % cursors.length);
            WriterCursor cursor = cursors[writer];
            DatasetRef dataset = cursor.dataset();
            Map<String, Object> record = Map.of("identityPoolId", dataset.identityPoolId(),
                    "identityId", dataset.identityId(), "datasetName", dataset.datasetName(),
                    "key", cursor.key(), "value", cursor.value(), "writer", writer);
            cursor.advance();
            return record;
        }
    }
}
