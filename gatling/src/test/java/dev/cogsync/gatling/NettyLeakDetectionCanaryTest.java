package dev.cogsync.gatling;

import dev.cogsync.emulator.junit.NettyLeakDetectionExtension;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that this module's tests run with Netty's paranoid leak detection and with the extension that fails a
 * test class on any reported leak (its detection logic is tested in the emulator module).
 */
class NettyLeakDetectionCanaryTest {

    @Test
    void everyBufferIsTrackedInThisBuild() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
        assertThat(NettyLeakDetectionExtension.active()).isTrue();
    }

    @Test
    void theLeakExtensionIsRegisteredForEveryTestClass() throws IOException {
        assertThat(ServiceLoader.load(Extension.class)).anySatisfy(extension ->
                assertThat(extension).isInstanceOf(NettyLeakDetectionExtension.class));
        Properties platform = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("junit-platform.properties")) {
            platform.load(in);
        }
        assertThat(platform.getProperty("junit.jupiter.extensions.autodetection.enabled")).isEqualTo("true");
    }
}
