package dev.cogsync.protocol;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JsonFormatTest {

    @Test
    void parsesEpochSecondsInEveryNumericForm() {
        assertThat(JsonFormat.parseEpochSeconds("1704164645")).isEqualTo(Instant.ofEpochSecond(1704164645));
        assertThat(JsonFormat.parseEpochSeconds("1704164645.678"))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05.678Z"));
        assertThat(JsonFormat.parseEpochSeconds("1704164645.123456789"))
                .isEqualTo(Instant.ofEpochSecond(1704164645, 123456789));
        assertThat(JsonFormat.parseEpochSeconds("1.704164645678E9"))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05.678Z"));
        assertThat(JsonFormat.parseEpochSeconds("-1.5")).isEqualTo(Instant.ofEpochSecond(-2, 500_000_000));
        assertThat(JsonFormat.parseEpochSeconds("not a number")).isNull();
    }
}
