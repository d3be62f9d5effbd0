package dev.cogsync.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmzDateTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Property
    void format_agreesWithDateTimeFormatter_andParsesBack(
            @ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long epochSecond,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant instant = Instant.ofEpochSecond(epochSecond, nanos);

        String formatted = AmzDate.format(instant);

        assertThat(formatted).isEqualTo(REFERENCE.format(instant));
        assertThat(AmzDate.parse(formatted)).isEqualTo(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "20150830T123600", "20150830T123600z", "20150830 123600Z", "2015083OT123600Z",
        "20150230T123600Z", "20151330T123600Z", "20150830T240000Z", "20150830T126000Z", "+0150830T123600Z"})
    void parse_rejectsAnythingElse(String text) {
        assertThat(AmzDate.parse(text)).isNull();
    }

    @Test
    void format_rejectsYearsThatDoNotFitFourDigits() {
        assertThatThrownBy(() -> AmzDate.format(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("signingTime:");
    }
}
