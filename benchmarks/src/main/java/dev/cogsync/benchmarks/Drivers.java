package dev.cogsync.benchmarks;

import dev.cogsync.benchmarks.drivers.CeilingDriver;
import dev.cogsync.benchmarks.drivers.Driver;
import dev.cogsync.benchmarks.drivers.ExplicitDriver;
import dev.cogsync.benchmarks.drivers.ManagedDriver;
import dev.cogsync.benchmarks.drivers.PeerDriver;
import dev.cogsync.benchmarks.drivers.PlainDriver;
import dev.cogsync.benchmarks.drivers.Workload;
import dev.cogsync.emulator.CognitoSyncEmulator;

/** Creates drivers by the names the benchmarks' parameters use. */
final class Drivers {

    /** Every value is this many bytes: a small record, typical of game state and settings. */
    static final int VALUE_BYTES = 32;

    private Drivers() {
    }

    static Driver create(String name, CognitoSyncEmulator emulator, int datasets) {
        Workload workload = new Workload(datasets, VALUE_BYTES);
        return switch (name) {
            case "managed" -> new ManagedDriver(emulator, workload);
            case "explicit" -> new ExplicitDriver(emulator, workload);
            case "plain" -> new PlainDriver(emulator, workload);
            case "peer" -> new PeerDriver(emulator, workload);
            case "ceiling" -> new CeilingDriver(emulator, workload, 1);
            default -> throw new IllegalArgumentException("driver: unknown " + name);
        };
    }
}
