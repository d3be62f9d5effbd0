package example;

import dev.cogsync.workload.Injector;
import dev.cogsync.workload.Workload;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static dev.cogsync.gatling.CognitoSyncDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

public class SaveSettings extends Simulation {
    Workload workload = Workload.builder().writers(4 * 1024).datasets(4).keyPerWriter()
            .injector(Injector.current()).build();

    ScenarioBuilder users = scenario("users")
            .feed(workloadFeeder(workload))
            .repeat(10, "n").on(exec(cognitoSync("put")
                    .put("#{identityId}", "#{datasetName}", "#{key}", "#{value}-#{n}")))
            .exec(cognitoSync("read back").listRecords("#{identityId}", "#{datasetName}"));

    {
        setUp(users.injectClosed(rampConcurrentUsers(0).to(200).during(10)))
                .protocols(cognitoSync().embeddedEmulator())   // or .endpoint("https://cognito-sync.us-east-1.amazonaws.com")
                .assertions(details("put").failedRequests().count().is(0L),
                        details("put").responseTime().percentile(99.0).lt(2000));
    }
}
