package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.EmulatorConfig;

/** Builds the authenticator for a configuration. */
final class Authenticators {

    private Authenticators() {
    }

    static RequestAuthenticator sigV4(EmulatorConfig config) {
        // Wired to core's SigV4Verifier once it lands on main; until then only authEnabled(false) runs.
        throw new UnsupportedOperationException("SigV4 verification is not available yet; use authEnabled(false)");
    }
}
