package dev.cogsync.gatling.sample;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What a Gatling run does on its own event loops that BlockHound would otherwise report, none of it cogsync's:
 * Gatling's actors hand messages to a thread pool, whose queue briefly takes a lock, and its Logback appender
 * writes the rare warning to the console. Registered beside the project's own integration in
 * {@code META-INF/services}; every other blocking call on an event loop still fails the simulation.
 */
public final class GatlingBlockHoundIntegration implements BlockHoundIntegration {

    /** Created by BlockHound through {@code META-INF/services}. */
    public GatlingBlockHoundIntegration() {
    }

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.gatling.core.actor.AtomicRunnableActorRef", "async");
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes");
    }
}
