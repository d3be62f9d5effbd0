package dev.cogsync.emulator.spring;

import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.emulator.CognitoSyncEmulator;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/** Starts an emulator and wires it into a context for the cogsync starter; shared by the test and app hooks. */
final class EmulatorWiring {

    private EmulatorWiring() {
    }

    static CognitoSyncEmulator wire(ConfigurableApplicationContext context) {
        CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("cogsyncEmulator", Map.of(
                "cogsync.region", emulator.region(),
                "cogsync.endpoint-override", emulator.endpoint().toString())));
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("cogsyncEmulator", emulator);
        beans.registerDisposableBean("cogsyncEmulator", emulator::close);
        beans.registerSingleton("cogsyncEmulatorCredentials",
                (CredentialsProvider) StaticCredentialsProvider.create(emulator.credentials()));
        return emulator;
    }
}
