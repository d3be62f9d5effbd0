package dev.cogsync.emulator.spring;

import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * For demos and local runs: an application started without {@code cogsync.endpoint-override} gets an embedded
 * emulator, wired into the cogsync starter as {@link AutoConfigureCogsyncEmulator} does for tests. With the
 * property set, it does nothing, and the application talks to that endpoint with the default credentials chain.
 *
 * <pre>{@code
 * new SpringApplicationBuilder(App.class).initializers(new EmbeddedEmulatorInitializer()).run(args);
 * }</pre>
 */
public final class EmbeddedEmulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** An initializer that starts an emulator unless an endpoint is configured. */
    public EmbeddedEmulatorInitializer() {
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().getProperty("cogsync.endpoint-override") == null) {
            String endpoint = EmulatorWiring.wire(context).endpoint().toString();
            LoggerFactory.getLogger(EmbeddedEmulatorInitializer.class).info("cogsync: no cogsync.endpoint-override; "
                    + "writing to an embedded emulator at {}", endpoint);
        }
    }
}
