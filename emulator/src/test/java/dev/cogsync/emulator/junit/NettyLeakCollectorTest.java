package dev.cogsync.emulator.junit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakTracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detection logic behind {@link NettyLeakDetectionExtension}, on a detector of its own so that the leak made
 * here on purpose is seen by this test's collector only, not by the extension that guards the test run.
 */
class NettyLeakCollectorTest {

    private ResourceLeakDetector.Level previousLevel;

    @BeforeEach
    void paranoid() {
        previousLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterEach
    void restore() {
        ResourceLeakDetector.setLevel(previousLevel);
    }

    @Test
    void collect_reportsABufferThatWasNeverReleased_withItsAccessRecords() {
        ResourceLeakDetector<ByteBuf> detector = new ResourceLeakDetector<>(ByteBuf.class, 1);
        NettyLeakCollector collector = new NettyLeakCollector();
        collector.attach(detector);

        leakOneBuffer(detector);
        List<String> leaks = collector.collect(() -> allocateAndRelease(detector));

        assertThat(leaks).hasSize(1);
        assertThat(leaks.get(0)).startsWith("LEAK: ByteBuf.release() was not called")
                .contains("deliberately leaked").contains("leakOneBuffer");
        assertThat(NettyLeakDetectionExtension.describe("SomeTest", leaks))
                .startsWith("Netty reported 1 leak(s) during or before SomeTest:").contains("deliberately leaked");
    }

    @Test
    void collect_reportsNothingWhenEveryBufferIsReleased() {
        ResourceLeakDetector<ByteBuf> detector = new ResourceLeakDetector<>(ByteBuf.class, 1);
        NettyLeakCollector collector = new NettyLeakCollector();
        collector.attach(detector);

        for (int i = 0; i < 10; i++) {
            allocateAndRelease(detector);
        }

        assertThat(collector.collect(() -> allocateAndRelease(detector))).isEmpty();
    }

    @Test
    void theExtension_isActiveInThisBuild() {
        // The build runs tests with -Dio.netty.leakDetection.level=paranoid; the extension must see it.
        assertThat(NettyLeakDetectionExtension.active()).isTrue();
    }

    /** A buffer tracked by {@code detector} only, dropped without {@code close}: a leak for that detector. */
    private static void leakOneBuffer(ResourceLeakDetector<ByteBuf> detector) {
        ByteBuf buffer = Unpooled.wrappedBuffer(new byte[16]);
        ResourceLeakTracker<ByteBuf> tracker = detector.track(buffer);
        tracker.record("deliberately leaked");
    }

    private static void allocateAndRelease(ResourceLeakDetector<ByteBuf> detector) {
        ByteBuf buffer = Unpooled.wrappedBuffer(new byte[1]);
        ResourceLeakTracker<ByteBuf> tracker = detector.track(buffer);
        tracker.close(buffer);
    }
}
