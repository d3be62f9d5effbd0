package dev.cogsync.benchmarks;

import dev.cogsync.benchmarks.drivers.Driver;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.benchmarks.drivers.Emulators;
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

import java.util.concurrent.TimeUnit;

/**
 * Patches per second, acknowledged, with {@code writers} concurrent writers over {@code datasets} datasets, for
 * each driver: the coalescer in managed and explicit mode, the plain client (one UpdateRecords per patch) and
 * the peer (the AWS SDK for Java v2, one UpdateRecords per patch). The result is the secondary metric
 * {@code window:patches}; {@code window:updateRecords} is UpdateRecords requests per second, as the emulator
 * counted them, and their ratio is patches per request. See {@link Window}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputBenchmark {

    /** Which client writes. */
    @Param({"managed", "explicit", "plain", "peer"})
    public String driver;

    /** Concurrent writers, each waiting for its write before the next. */
    @Param({"1", "64", "256"})
    public int writers;

    /** Datasets the writers share. */
    @Param({"1", "4", "64"})
    public int datasets;

    private CognitoSyncEmulator emulator;
    private Driver client;
    private ClosedLoop loop;

    /** Starts the emulator, prepares the writers and sets them going. */
    @Setup(Level.Trial)
    public void start() {
        emulator = Emulators.start();
        client = Drivers.create(driver, emulator, datasets);
        client.prepare(writers);
        loop = new ClosedLoop(client, writers);
    }

    /**
     * Samples one window of the running writers.
     *
     * @param window the counts JMH reports
     */
    @Benchmark
    public void window(Window window) {
        window.sample(loop, emulator);
    }

    /** Stops the writers and releases everything. */
    @TearDown(Level.Trial)
    public void stop() {
        loop.close();
        if (loop.failures() > 0) {
            System.out.println("# " + driver + ": " + loop.failures() + " writes failed");
        }
        client.close();
        emulator.close();
    }
}
