package dev.cogsync.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    /** 2015-10-21T07:28:00Z is a Wednesday. */
    private static final Instant NOW = Instant.parse("2015-10-21T07:27:00Z");

    @Test
    void parse_amzRetryAfter_isMilliseconds() {
        assertThat(parse(Map.of("x-amz-retry-after", "1500"))).contains(Duration.ofMillis(1500));
        assertThat(parse(Map.of("x-amz-retry-after", "0"))).contains(Duration.ZERO);
    }

    @Test
    void parse_retryAfterDelaySeconds_isSeconds() {
        assertThat(parse(Map.of("Retry-After", "120"))).contains(Duration.ofSeconds(120));
        assertThat(parse(Map.of("Retry-After", "0"))).contains(Duration.ZERO);
        assertThat(parse(Map.of("Retry-After", "007"))).contains(Duration.ofSeconds(7));
    }

    @Test
    void parse_retryAfterImfFixdate_isTheTimeUntilThatDate() {
        assertThat(parse(Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"))).contains(Duration.ofSeconds(60));
        assertThat(parse(Map.of("Retry-After", "Thu, 22 Oct 2015 07:27:00 GMT"))).contains(Duration.ofDays(1));
    }

    @Test
    void parse_retryAfterDate_countsFromTheExactNow() {
        Instant now = Instant.parse("2015-10-21T07:27:59.250Z");

        Optional<Duration> hint = RetryAfter.parse(lookup(Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")),
                now);

        assertThat(hint).contains(Duration.ofMillis(750));
    }

    @Test
    void parse_retryAfterDate_acceptsTheOtherRfc1123Forms() {
        assertThat(parse(Map.of("Retry-After", "21 Oct 2015 07:28:00 GMT"))).contains(Duration.ofSeconds(60));
        assertThat(parse(Map.of("Retry-After", "Wed, 21 Oct 2015 09:28:00 +0200"))).contains(Duration.ofSeconds(60));
        assertThat(parse(Map.of("Retry-After", "Sun, 1 Nov 2015 07:27:00 GMT"))).contains(Duration.ofDays(11));
    }

    @Test
    void parse_dateInThePastOrNow_isZero() {
        assertThat(parse(Map.of("Retry-After", "Wed, 21 Oct 2015 07:26:59 GMT"))).contains(Duration.ZERO);
        assertThat(parse(Map.of("Retry-After", "Wed, 21 Oct 2015 07:27:00 GMT"))).contains(Duration.ZERO);
        assertThat(parse(Map.of("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT"))).contains(Duration.ZERO);
    }

    @Test
    void parse_withBothHeaders_prefersAmzRetryAfter() {
        Map<String, String> headers = Map.of("x-amz-retry-after", "250", "Retry-After", "30");

        assertThat(parse(headers)).contains(Duration.ofMillis(250));
    }

    @Test
    void parse_withAnInvalidAmzRetryAfter_fallsBackToRetryAfter() {
        assertThat(parse(Map.of("x-amz-retry-after", "soon", "Retry-After", "30"))).contains(Duration.ofSeconds(30));
        assertThat(parse(Map.of("x-amz-retry-after", "-5", "Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")))
                .contains(Duration.ofSeconds(60));
    }

    @Test
    void parse_withNeitherHeader_isEmpty() {
        assertThat(parse(Map.of())).isEmpty();
        assertThat(parse(Map.of("Content-Type", "application/json"))).isEmpty();
    }

    @ParameterizedTest(name = "x-amz-retry-after: \"{0}\"")
    @ValueSource(strings = {"", " ", "abc", "-1", "+5", "1.5", "1e3", "0x10", "5ms", "1,000", "10 20",
        "\u0661\u0662", "\uFF11"})
    void parse_invalidAmzRetryAfterAlone_isEmpty(String value) {
        assertThat(parse(Map.of("x-amz-retry-after", value))).isEmpty();
    }

    @ParameterizedTest(name = "Retry-After: \"{0}\"")
    @ValueSource(strings = {"", "  ", "abc", "-1", "+5", "1.5", "5s", "\u0661\u0662",
        // Not IMF-fixdate / RFC 1123:
        "Wed, 21 Oct 2015 07:28:00", "2015-10-21T07:28:00Z", "Wednesday, 21-Oct-15 07:28:00 GMT",
        "Wed Oct 21 07:28:00 2015", "Wed, 32 Oct 2015 07:28:00 GMT", "Wed, 21 Oct 2015 25:28:00 GMT",
        // Thursday is not the weekday of that date.
        "Thu, 21 Oct 2015 07:28:00 GMT"})
    void parse_invalidRetryAfter_isEmpty(String value) {
        assertThat(parse(Map.of("Retry-After", value))).isEmpty();
    }

    @Test
    void parse_ignoresSurroundingSpacesAndTabs() {
        assertThat(parse(Map.of("x-amz-retry-after", " \t1500\t "))).contains(Duration.ofMillis(1500));
        assertThat(parse(Map.of("Retry-After", "  120 "))).contains(Duration.ofSeconds(120));
        assertThat(parse(Map.of("Retry-After", " Wed, 21 Oct 2015 07:28:00 GMT\t"))).contains(Duration.ofSeconds(60));
    }

    @Test
    void parse_hugeIntegers_saturateInsteadOfFailing() {
        String huge = "99999999999999999999999999";

        assertThat(parse(Map.of("x-amz-retry-after", huge))).contains(Duration.ofMillis(Long.MAX_VALUE));
        assertThat(parse(Map.of("Retry-After", huge))).contains(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(parse(Map.of("x-amz-retry-after", String.valueOf(Long.MAX_VALUE))))
                .contains(Duration.ofMillis(Long.MAX_VALUE));
    }

    @Test
    void parse_hugeHint_isBoundedByTheRetryPolicy() {
        Duration hint = parse(Map.of("Retry-After", "99999999999999999999999999")).orElseThrow();

        Duration delay = RetryPolicy.defaults().retryDelay(1, ClassifiedError.tooManyRequests429(), hint, 0.5);

        assertThat(delay).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void parse_asksForTheExactHeaderNames_inPreferenceOrder() {
        List<String> asked = new ArrayList<>();

        RetryAfter.parse(name -> {
            asked.add(name);
            return null;
        }, NOW);

        assertThat(asked).containsExactly("x-amz-retry-after", "Retry-After");
        assertThat(RetryAfter.AMZ_RETRY_AFTER).isEqualTo("x-amz-retry-after");
        assertThat(RetryAfter.RETRY_AFTER).isEqualTo("Retry-After");
    }

    @Test
    void parse_stopsAtAValidAmzRetryAfter() {
        List<String> asked = new ArrayList<>();

        RetryAfter.parse(name -> {
            asked.add(name);
            return "10";
        }, NOW);

        assertThat(asked).containsExactly("x-amz-retry-after");
    }

    @Test
    void parse_rejectsNullArguments() {
        assertThatThrownBy(() -> RetryAfter.parse(null, NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("headers");
        assertThatThrownBy(() -> RetryAfter.parse(name -> null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("now");
    }

    private static Optional<Duration> parse(Map<String, String> headers) {
        return RetryAfter.parse(lookup(headers), NOW);
    }

    /** Case-insensitive, as the transport's lookup is. */
    private static Function<String, String> lookup(Map<String, String> headers) {
        Map<String, String> lowerCased = new HashMap<>();
        headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
        return name -> lowerCased.get(name.toLowerCase(Locale.ROOT));
    }
}
