package dev.cogsync.emulator.junit;

import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.emulator.EmulatorConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives a test class a running {@link CognitoSyncEmulator}: started once, before the first test, closed after
 * the last, and injected into any test, lifecycle method or constructor parameter of that type.
 *
 * <pre>{@code
 * class SyncTest {
 *     @RegisterExtension
 *     static final CognitoSyncEmulatorExtension EMULATOR = CognitoSyncEmulatorExtension
 *             .withConfig(EmulatorConfig.builder().singleUseTokens(true).build())
 *             .resetBeforeEach();
 *
 *     @Test
 *     void syncs(CognitoSyncEmulator emulator) {
 *         URI endpoint = EMULATOR.endpoint();
 *         // ...
 *     }
 * }
 * }</pre>
 *
 * <p>Register it in a {@code static} field: an instance field would start one emulator per test. With
 * {@code @ExtendWith(CognitoSyncEmulatorExtension.class)} it runs with the default configuration. Immutable:
 * {@link #resetBeforeEach()} returns a new extension.
 */
public final class CognitoSyncEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CognitoSyncEmulatorExtension.class);

    private final EmulatorConfig config;
    private final boolean resetBeforeEach;
    private volatile CognitoSyncEmulator emulator;

    /** An extension with the default configuration; what {@code @ExtendWith} uses. */
    public CognitoSyncEmulatorExtension() {
        this(EmulatorConfig.defaults(), false);
    }

    private CognitoSyncEmulatorExtension(EmulatorConfig config, boolean resetBeforeEach) {
        this.config = Objects.requireNonNull(config, "config");
        this.resetBeforeEach = resetBeforeEach;
    }

    /**
     * An extension with the default configuration.
     *
     * @return the extension
     */
    public static CognitoSyncEmulatorExtension create() {
        return new CognitoSyncEmulatorExtension();
    }

    /**
     * An extension with a configuration.
     *
     * @param config the emulator's configuration
     * @return the extension
     */
    public static CognitoSyncEmulatorExtension withConfig(EmulatorConfig config) {
        return new CognitoSyncEmulatorExtension(config, false);
    }

    /**
     * This extension, resetting the emulator before each test: datasets, tokens, counters, throttle buckets and
     * the fault sequence, as {@link CognitoSyncEmulator#reset()} does.
     *
     * @return a new extension
     */
    public CognitoSyncEmulatorExtension resetBeforeEach() {
        return new CognitoSyncEmulatorExtension(config, true);
    }

    /**
     * The running emulator.
     *
     * @return the emulator
     * @throws IllegalStateException before the test class started it
     */
    public CognitoSyncEmulator emulator() {
        CognitoSyncEmulator current = emulator;
        if (current == null) {
            throw new IllegalStateException("The emulator starts before the first test of the class");
        }
        return current;
    }

    /**
     * The endpoint to point a client at.
     *
     * @return {@code http://127.0.0.1:port}
     */
    public URI endpoint() {
        return emulator().endpoint();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        CognitoSyncEmulator running = start(context);
        if (resetBeforeEach) {
            running.reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CognitoSyncEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return start(context);
    }

    /** Starts the emulator once, owned by the class's store, which closes it after the class. */
    private CognitoSyncEmulator start(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Running running = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(this, key -> {
            CognitoSyncEmulator started = CognitoSyncEmulator.start(config);
            emulator = started;
            return new Running(started);
        }, Running.class);
        return running.emulator;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestClass().isPresent() && current.getParent().isPresent()
                && current.getParent().get().getTestClass().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /**
     * Closes the emulator when JUnit closes the class's store: JUnit 5.13 and later close {@link AutoCloseable}
     * values, earlier versions {@code CloseableResource}s; closing happens once either way.
     */
    @SuppressWarnings("deprecation")
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final CognitoSyncEmulator emulator;
        private final AtomicBoolean closed = new AtomicBoolean();

        Running(CognitoSyncEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                emulator.close();
            }
        }
    }
}
