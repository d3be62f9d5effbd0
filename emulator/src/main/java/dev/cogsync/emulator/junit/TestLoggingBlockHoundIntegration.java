package dev.cogsync.emulator.junit;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * For tests under BlockHound (an optional dependency of this module; register it in
 * {@code META-INF/services/reactor.blockhound.integration.BlockHoundIntegration}): lets slf4j-simple write to the
 * console from event loops, where the client and the emulator log the rare error, and allows two waits inside
 * Netty, below. Every other blocking call on a non-blocking thread fails the test that made it.
 */
public final class TestLoggingBlockHoundIntegration implements BlockHoundIntegration {

    /** Created by BlockHound through {@code META-INF/services}. */
    public TestLoggingBlockHoundIntegration() {
    }

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write");
        // Netty 4.2's default allocator briefly takes a StampedLock on the event loop when it adds magazines
        // under contention. Netty's own BlockHound integration (4.2.17) allows its pooled allocator's locks but
        // not this one; it is inside Netty, bounded, and no code of ours, so it is allowed here.
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                "tryExpandMagazines");
        // When an io_uring event loop shuts down, Netty 4.2 spins (Thread.onSpinWait) until its ring's wake-up
        // gate closes: the loop's own cleanup, after its last task, inside Netty.
        builder.allowBlockingCallsInside("io.netty.channel.uring.IoUringIoHandler", "closeWakeupGate");
    }
}
