package dev.cogsync.benchmarks;

import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.emulator.CognitoSyncEmulator;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What a throughput benchmark reports: patches acknowledged and UpdateRecords requests answered during each
 * iteration, which JMH divides by the iteration's time. Each benchmark call waits one short window and then
 * takes the counts, so the rates are exact whatever the benchmark thread's own speed; the call rate itself
 * (the primary score) means nothing.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Window {

    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Patches acknowledged during the iteration: the throughput. */
    public long patches;
    /** UpdateRecords requests the emulator answered during the iteration; patches over requests is the batch. */
    public long updateRecords;

    private long patchesSeen = -1;
    private long requestsSeen;

    /** Starts the iteration's counts from zero. */
    @Setup(Level.Iteration)
    public void reset() {
        patches = 0;
        updateRecords = 0;
        patchesSeen = -1;
    }

    /** Waits one window, then adds what was acknowledged and answered since the last call. */
    void sample(ClosedLoop loop, CognitoSyncEmulator emulator) {
        if (patchesSeen < 0) {
            patchesSeen = loop.acknowledged();
            requestsSeen = emulator.counters().requests(ApiOperation.UPDATE_RECORDS);
        }
        LockSupport.parkNanos(WINDOW_NANOS);
        loop.checkProgress();
        long acknowledged = loop.acknowledged();
        long requests = emulator.counters().requests(ApiOperation.UPDATE_RECORDS);
        patches += acknowledged - patchesSeen;
        updateRecords += requests - requestsSeen;
        patchesSeen = acknowledged;
        requestsSeen = requests;
    }
}
