package dev.cogsync.emulator.spring;

import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.emulator.CognitoSyncEmulator;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;
import java.util.Map;

/**
 * Starts an emulator for every test context whose test class carries {@link AutoConfigureCogsyncEmulator}.
 * Registered in {@code META-INF/spring.factories}, as Spring's own context customizers are.
 */
public final class CogsyncEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

    /** Created by Spring's test framework. */
    public CogsyncEmulatorContextCustomizerFactory() {
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureCogsyncEmulator.class)
                ? new EmulatorCustomizer() : null;
    }

    /** One emulator per context; every annotated test class shares the cached context key. */
    static final class EmulatorCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("cogsyncEmulator", Map.of(
                    "cogsync.region", emulator.region(),
                    "cogsync.endpoint-override", emulator.endpoint().toString())));
            DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
            beans.registerSingleton("cogsyncEmulator", emulator);
            beans.registerDisposableBean("cogsyncEmulator", emulator::close);
            beans.registerSingleton("cogsyncEmulatorCredentials",
                    (CredentialsProvider) StaticCredentialsProvider.create(emulator.credentials()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof EmulatorCustomizer;
        }

        @Override
        public int hashCode() {
            return EmulatorCustomizer.class.hashCode();
        }
    }
}
