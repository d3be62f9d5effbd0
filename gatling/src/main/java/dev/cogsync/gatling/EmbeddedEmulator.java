package dev.cogsync.gatling;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.emulator.EmulatorConfig;

import java.net.URI;
import java.util.List;

/**
 * The emulator of {@link CognitoSyncProtocolBuilder#embeddedEmulator(String...)}. The only class of this module
 * that names the emulator's, so that a simulation without {@code cogsync-emulator} on its classpath loads every
 * other one.
 */
final class EmbeddedEmulator implements AutoCloseable {

    private final CognitoSyncEmulator emulator;

    private EmbeddedEmulator(CognitoSyncEmulator emulator) {
        this.emulator = emulator;
    }

    /**
     * Starts an emulator on a free loopback port.
     *
     * @param options the standalone emulator's command-line options
     * @return the running emulator
     * @throws IllegalArgumentException naming the option that is bad
     * @throws IllegalStateException when the emulator is not on the classpath
     */
    static EmbeddedEmulator start(List<String> options) {
        try {
            EmulatorConfig config;
            try {
                config = EmulatorConfig.parse(options.toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cognitoSync().embeddedEmulator(...): " + e.getMessage(), e);
            }
            return new EmbeddedEmulator(CognitoSyncEmulator.start(config));
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("cognitoSync().embeddedEmulator(...) needs dev.cogsync:cogsync-emulator"
                    + " on the simulation's classpath", e);
        }
    }

    /** @return where it listens */
    URI endpoint() {
        return emulator.endpoint();
    }

    /** @return the region it checks signatures for */
    String region() {
        return emulator.region();
    }

    /** @return its developer credentials */
    AwsCredentials credentials() {
        return emulator.credentials();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
