package dev.cogsync.benchmarks;

import dev.cogsync.benchmarks.drivers.CeilingDriver;
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

import java.util.concurrent.TimeUnit;

/**
 * The ceiling: patches per second from raw Reactor Netty POSTs of pre-built bodies of {@code batch} patches,
 * with {@code inFlight} requests in flight (each to a dataset of its own, so never two per dataset, as with the
 * coalescer). No client logic; see {@link CeilingDriver}. The result is {@code window:patches}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CeilingBenchmark {

    /**
     * Patches per request: 1, 100, and 64, which is what the coalescer sends with 256 writers over 4 datasets,
     * so that one comparison is at the same batch size.
     */
    @Param({"1", "64", "100"})
    public int batch;

    /** Requests in flight at once. */
    @Param({"1", "4", "64"})
    public int inFlight;

    private CognitoSyncEmulator emulator;
    private CeilingDriver driver;
    private ClosedLoop loop;

    /** Starts the emulator and the requests. */
    @Setup(Level.Trial)
    public void start() {
        emulator = Emulators.start();
        driver = new CeilingDriver(emulator, Drivers.VALUE_BYTES, batch);
        driver.prepare(inFlight);
        loop = new ClosedLoop(driver, inFlight, batch);
    }

    /**
     * Samples one window of the running requests.
     *
     * @param window the counts JMH reports
     */
    @Benchmark
    public void window(Window window) {
        window.sample(loop, emulator);
    }

    /** Stops and releases everything. */
    @TearDown(Level.Trial)
    public void stop() {
        loop.close();
        driver.close();
        emulator.close();
    }
}
