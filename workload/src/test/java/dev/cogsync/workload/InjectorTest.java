package dev.cogsync.workload;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InjectorTest {

    private static Injector from(Map<String, String> properties, Map<String, String> environment) {
        return Injector.from(properties::get, environment::get);
    }

    @Test
    void withoutSettingsAProcessIsTheOnlyInjector() {
        assertThat(from(Map.of(), Map.of())).isEqualTo(Injector.SOLE);
    }

    @Test
    void systemPropertiesComeBeforeTheEnvironment() {
        assertThat(from(Map.of("cogsync.injector.index", "1", "cogsync.injector.count", "2"),
                Map.of("COGSYNC_INJECTOR_INDEX", "0", "COGSYNC_INJECTOR_COUNT", "4")))
                .isEqualTo(new Injector(1, 2));
        assertThat(from(Map.of(), Map.of("COGSYNC_INJECTOR_INDEX", "3", "COGSYNC_INJECTOR_COUNT", "4")))
                .isEqualTo(new Injector(3, 4));
    }

    @Test
    void badValuesNameTheSettingTheyCameFrom() {
        assertThatThrownBy(() -> from(Map.of("cogsync.injector.index", "one"), Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("cogsync.injector.index: must be a whole number, was \"one\"");
        assertThatThrownBy(() -> from(Map.of(), Map.of("COGSYNC_INJECTOR_COUNT", "x")))
                .isInstanceOf(UsageException.class)
                .hasMessage("COGSYNC_INJECTOR_COUNT: must be a whole number, was \"x\"");
        assertThatThrownBy(() -> from(Map.of("cogsync.injector.index", "2", "cogsync.injector.count", "2"),
                Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("cogsync.injector.index: must be from 0 to 1 (cogsync.injector.count is 2), was 2");
        assertThatThrownBy(() -> new Injector(0, 0)).isInstanceOf(UsageException.class)
                .hasMessage("cogsync.injector.count: must be at least 1, was 0");
    }

    @Test
    void readsAsItsPlaceInTheTest() {
        assertThat(new Injector(1, 2)).hasToString("injector 1 of 2");
    }
}
