package dev.cogsync.emulator.spring;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;

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
            EmulatorWiring.wire(context);
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
