package dev.cogsync.spring;

import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.emulator.spring.AutoConfigureCogsyncEmulator;
import dev.cogsync.emulator.spring.CogsyncEmulatorContextCustomizerFactory;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureCogsyncEmulator}: Spring's test framework finds its factory, which gives an annotated test's
 * context a running emulator that the starter's beans write to, and stops it with the context. Spring 7's
 * {@code SpringExtension} needs JUnit 6 (Boot 4 applications have it); this build is on JUnit 5, so the context is
 * customized here as the test framework would, without the extension.
 */
class AutoConfigureCogsyncEmulatorTest {

    @AutoConfigureCogsyncEmulator
    static class AnnotatedTest {
    }

    static class PlainTest {
    }

    @Test
    void springsTestFrameworkFindsTheFactory() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ContextCustomizerFactory.class))
                .hasAtLeastOneElementOfType(CogsyncEmulatorContextCustomizerFactory.class);
    }

    @Test
    void onlyAnnotatedTestsGetAnEmulatorAndTheyShareOneContextKey() {
        CogsyncEmulatorContextCustomizerFactory factory = new CogsyncEmulatorContextCustomizerFactory();

        assertThat(factory.createContextCustomizer(PlainTest.class, List.of())).isNull();
        assertThat(factory.createContextCustomizer(AnnotatedTest.class, List.of()))
                .isEqualTo(factory.createContextCustomizer(AnnotatedTest.class, List.of()));
    }

    @Test
    void theStartersWriterWritesToTheTestsEmulatorWhichStopsWithTheContext() {
        ContextCustomizer customizer = new CogsyncEmulatorContextCustomizerFactory()
                .createContextCustomizer(AnnotatedTest.class, List.of());
        DatasetRef dataset = DatasetRef.of("us-east-1:0f0e0d0c-0000-4000-8000-00000000c0a1",
                "us-east-1:00000001-0000-4000-8000-000000000000", "settings");
        AtomicReference<CognitoSyncEmulator> started = new AtomicReference<>();

        new ApplicationContextRunner()
                .withInitializer(context -> customizer.customizeContext(context, null))
                .withConfiguration(AutoConfigurations.of(CogsyncAutoConfiguration.class))
                .run(context -> {
                    CognitoSyncEmulator emulator = context.getBean(CognitoSyncEmulator.class);
                    started.set(emulator);
                    Record written = context.getBean(CoalescingWriter.class).put(dataset, "theme", "dark")
                            .block(Duration.ofSeconds(30));

                    assertThat(written.syncCount()).isEqualTo(1);
                    assertThat(emulator.dataset(dataset).orElseThrow().value("theme")).isEqualTo("dark");
                    assertThat(context.getBean(CognitoSyncClient.class).options().endpointOverride())
                            .isEqualTo(emulator.endpoint());
                });

        assertThat(started.get()).isNotNull();
        CognitoSyncClient after = CognitoSyncClient.create(dev.cogsync.reactor.ClientOptions.builder()
                .region(started.get().region()).endpointOverride(started.get().endpoint())
                .credentialsProvider(dev.cogsync.auth.StaticCredentialsProvider.create(started.get().credentials()))
                .build());
        try {
            assertThat(after.describeDataset(dataset).map(d -> "answered").onErrorReturn("stopped")
                    .block(Duration.ofSeconds(60))).as("the emulator stopped with the context").isEqualTo("stopped");
        } finally {
            after.close();
        }
    }
}
