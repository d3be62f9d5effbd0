package dev.cogsync.benchmarks.load;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets slf4j-simple write to the console from event loops, where the client and the emulator log the rare error;
 * every other blocking call on a non-blocking thread fails the test that made it.
 */
public final class TestLoggingBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write");
    }
}
