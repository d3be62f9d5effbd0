package dev.cogsync.emulator.junit;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.Locale;

/**
 * Fails a test class when Netty reports a buffer leak during it, with Netty's leak record in the message.
 *
 * <p>Active only when the JVM runs with {@code -Dio.netty.leakDetection.level=paranoid}, as this project's test
 * builds do; otherwise it does nothing. After each test class it forces garbage collection and a few tracked
 * allocations so that pending leaks get reported, then fails the class if any was. Register it per class with
 * {@code @ExtendWith(NettyLeakDetectionExtension.class)}, or for a whole test run through JUnit's extension
 * auto-detection ({@code META-INF/services/org.junit.jupiter.api.extension.Extension} plus
 * {@code junit.jupiter.extensions.autodetection.enabled=true}).
 */
public final class NettyLeakDetectionExtension implements BeforeAllCallback, AfterAllCallback {

    private static final Object LOCK = new Object();
    private static NettyLeakCollector collector;

    /** Creates the extension; the collector behind it is shared by the whole JVM. */
    public NettyLeakDetectionExtension() {
    }

    /**
     * Whether the JVM asked for paranoid leak detection.
     *
     * @return {@code true} when {@code io.netty.leakDetection.level} is {@code paranoid}
     */
    public static boolean active() {
        String level = System.getProperty("io.netty.leakDetection.level");
        return level != null && level.trim().toUpperCase(Locale.ROOT).equals(ResourceLeakDetector.Level.PARANOID.name());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        NettyLeakCollector current = collector();
        if (current != null) {
            // Leaks reported between classes belong to no class; they are still reported by the next one.
            context.getStore(ExtensionContext.Namespace.create(NettyLeakDetectionExtension.class))
                    .put("earlier", current.drain());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        NettyLeakCollector current = collector();
        if (current == null) {
            return;
        }
        List<String> leaks = current.collect(NettyLeakCollector::allocateTrackedBuffers);
        @SuppressWarnings("unchecked")
        List<String> earlier = context.getStore(ExtensionContext.Namespace.create(NettyLeakDetectionExtension.class))
                .get("earlier", List.class);
        if (earlier != null && !earlier.isEmpty()) {
            leaks.addAll(0, earlier);
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(describe(context.getDisplayName(), leaks));
        }
    }

    static String describe(String testClass, List<String> leaks) {
        StringBuilder message = new StringBuilder()
                .append("Netty reported ").append(leaks.size()).append(" leak(s) during or before ")
                .append(testClass).append(':');
        for (String leak : leaks) {
            message.append(System.lineSeparator()).append(leak);
        }
        return message.toString();
    }

    private static NettyLeakCollector collector() {
        if (!active()) {
            return null;
        }
        synchronized (LOCK) {
            if (collector == null) {
                NettyLeakCollector created = new NettyLeakCollector();
                created.installGlobally();
                collector = created;
            }
            return collector;
        }
    }
}
