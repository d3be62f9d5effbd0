package dev.cogsync.spring;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets the test logger write to the console from event loops (only the tests log through slf4j-simple; the
 * library itself never writes to a stream), and allows one lock inside Netty's allocator, below.
 */
public final class TestLoggingBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write");
        // Netty 4.2's default allocator briefly takes a StampedLock on the event loop when it adds magazines
        // under contention. Netty's own BlockHound integration (4.2.17) allows its pooled allocator's locks but
        // not this one; it is inside Netty, bounded, and no code of ours, so it is allowed here.
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                "tryExpandMagazines");
    }
}
