package dev.cogsync.reactor;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets the test logger write to the console from event loops. Only the tests log through slf4j-simple; the
 * library itself never writes to a stream.
 */
public final class TestLoggingBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write");
    }
}
