package dev.cogsync.benchmarks;

import dev.cogsync.benchmarks.drivers.Driver;
import dev.cogsync.benchmarks.drivers.Emulators;
import dev.cogsync.emulator.CognitoSyncEmulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The latency of one patch at concurrency 1, sampled: each call writes one patch and waits for its
 * acknowledgement. JMH reports the distribution; the report takes p50 and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LatencyBenchmark {

    /** Which client writes: the coalescer (managed), the plain client, the AWS SDK, or the raw ceiling. */
    @Param({"managed", "plain", "peer", "ceiling"})
    public String client;

    private CognitoSyncEmulator emulator;
    private Driver driver;

    /** Starts the emulator and prepares one writer. */
    @Setup(Level.Trial)
    public void start() {
        emulator = Emulators.start();
        driver = Drivers.create(client, emulator, 1);
        driver.prepare(1);
    }

    /**
     * Writes one patch and waits for it.
     *
     * @return the acknowledgement, so that nothing is optimised away
     */
    @Benchmark
    public Object writeOnePatch() {
        return driver.write(0).block(Duration.ofSeconds(30));
    }

    /** Releases everything. */
    @TearDown(Level.Trial)
    public void stop() {
        driver.close();
        emulator.close();
    }
}
