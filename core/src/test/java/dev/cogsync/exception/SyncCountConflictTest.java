package dev.cogsync.exception;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SyncCountConflictTest {

    @Test
    void readsTheServiceMessage() {
        assertThat(SyncCountConflict.parse("Current SyncCount for: highScore is: 5 not: 4"))
                .contains(new SyncCountConflict("highScore", 5, 4));
    }

    @Test
    void keysMayContainTheSeparatorsThemselves() {
        String key = "weird is: 3 not: 2 key";
        SyncCountConflict conflict = new SyncCountConflict(key, 12, 11);
        assertThat(SyncCountConflict.parse(conflict.toMessage())).contains(conflict);
        assertThat(conflict.toMessage()).isEqualTo("Current SyncCount for: " + key + " is: 12 not: 11");
    }

    @Test
    void toleratesATrailingPeriod() {
        assertThat(SyncCountConflict.parse("Current SyncCount for: k is: 7 not: 0.")).contains(
                new SyncCountConflict("k", 7, 0));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Conflict", "Current SyncCount for: k", "Current SyncCount for: k is: x not: 1",
            "Current SyncCount for: k is: 1 not: ", "current synccount for: k is: 1 not: 2",
            "Current SyncCount for: k is: 99999999999999999999 not: 1"})
    void otherMessagesAreNotConflicts(String message) {
        assertThat(SyncCountConflict.parse(message)).isEmpty();
    }
}
