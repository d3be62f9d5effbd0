package dev.cogsync.emulator.junit;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leak-detection canary of a test suite: extend it with an empty class in each module whose tests run Netty
 * ({@code class NettyLeakDetectionCanaryTest extends NettyLeakDetectionCanary {}}). It passes only when the JVM
 * runs Netty's paranoid leak detection and {@link NettyLeakDetectionExtension} is registered for every test class
 * (its detection logic is tested in the emulator module), so that a clean run means no buffer leaked.
 */
public abstract class NettyLeakDetectionCanary {

    /** For subclasses. */
    protected NettyLeakDetectionCanary() {
    }

    @Test
    void everyBufferIsTrackedInThisBuild() {
        assertEquals(ResourceLeakDetector.Level.PARANOID, ResourceLeakDetector.getLevel());
        assertTrue(NettyLeakDetectionExtension.active(), "io.netty.leakDetection.level is not paranoid");
    }

    @Test
    void theLeakExtensionIsRegisteredForEveryTestClass() throws IOException {
        boolean registered = false;
        for (Extension extension : ServiceLoader.load(Extension.class)) {
            registered |= extension instanceof NettyLeakDetectionExtension;
        }
        assertTrue(registered, "META-INF/services/org.junit.jupiter.api.extension.Extension lacks the extension");
        Properties platform = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("junit-platform.properties")) {
            assertNotNull(in, "no junit-platform.properties");
            platform.load(in);
        }
        assertEquals("true", platform.getProperty("junit.jupiter.extensions.autodetection.enabled"));
    }
}
