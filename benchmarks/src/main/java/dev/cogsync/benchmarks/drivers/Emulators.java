package dev.cogsync.benchmarks.drivers;

import dev.cogsync.emulator.CognitoSyncEmulator;

/** The emulator every benchmark runs against: in-process, on loopback, with SigV4 checking on. */
public final class Emulators {

    private Emulators() {
    }

    /**
     * Starts a fresh emulator with the service's defaults and signature checking.
     *
     * @return the running emulator
     */
    public static CognitoSyncEmulator start() {
        return CognitoSyncEmulator.builder().start();
    }
}
