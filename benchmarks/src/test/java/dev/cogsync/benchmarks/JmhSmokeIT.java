package dev.cogsync.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One short JMH run of one throughput configuration, forked as in a real run: the harness, the drivers, the
 * in-process emulator and the counters the report reads all work together.
 */
class JmhSmokeIT {

    @Test
    void aThroughputBenchmarkRunsAndReportsPatchesAndRequests() throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ThroughputBenchmark.class.getSimpleName())
                .param("driver", "managed")
                .param("writers", "8")
                .param("datasets", "2")
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx512m")
                .shouldFailOnError(true)
                .build()).run();

        assertThat(results).hasSize(1);
        Result<?> patches = results.iterator().next().getSecondaryResults().get("patches");
        Result<?> requests = results.iterator().next().getSecondaryResults().get("updateRecords");
        assertThat(patches.getScore()).as("patches per second").isPositive();
        assertThat(requests.getScore()).as("UpdateRecords per second").isPositive()
                .isLessThanOrEqualTo(patches.getScore());
    }
}
