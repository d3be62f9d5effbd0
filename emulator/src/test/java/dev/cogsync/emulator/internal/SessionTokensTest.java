package dev.cogsync.emulator.internal;

import dev.cogsync.model.DatasetRef;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTokensTest {

    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:aa", "us-east-1:bb", "d");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void issuedToken_isOpaqueFixedLengthAndValidForItsDatasetOnly() {
        SessionTokens tokens = new SessionTokens(CLOCK, null, null);

        String token = tokens.issue(DATASET);

        assertThat(token).hasSize(44).matches("[A-Za-z0-9_-]+").doesNotContain("aa", "bb");
        assertThatCode(() -> tokens.check(DATASET, token, true)).doesNotThrowAnyException();
        assertThatCode(() -> tokens.check(DATASET, token, true)).doesNotThrowAnyException();
        assertInvalid(tokens, DatasetRef.of("us-east-1:aa", "us-east-1:bb", "e"), token);
        assertInvalid(tokens, DatasetRef.of("us-east-1:aa", "us-east-1:bc", "d"), token);
        assertInvalid(tokens, DatasetRef.of("us-east-1:ab", "us-east-1:bb", "d"), token);
        assertThat(tokens.issue(DATASET)).isNotEqualTo(token);
    }

    @Test
    void malformedTokens_areInvalid() {
        SessionTokens tokens = new SessionTokens(CLOCK, null, null);
        String token = tokens.issue(DATASET);

        for (String bad : new String[] {null, "", "short", token.substring(1), "!" + token.substring(1),
                (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1), token.substring(0, 43) + (token.charAt(43) == 'A' ? 'B' : 'A')}) {
            assertThat(bad).as("token %s of %s", bad, token).isNotEqualTo(token);
            assertInvalid(tokens, DATASET, bad);
        }
    }

    @Test
    void tokenFromAnotherKey_isInvalid() {
        SessionTokens tokens = new SessionTokens(CLOCK, null, null);
        String token = tokens.issue(DATASET);

        tokens.rotateKey();

        assertInvalid(tokens, DATASET, token);
        assertInvalid(new SessionTokens(CLOCK, null, null), DATASET, token);
    }

    @Test
    void tokens_expireAfterTheirLifetime() {
        Clock[] now = {CLOCK};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0].instant();
            }
        };
        SessionTokens tokens = new SessionTokens(moving, Duration.ofSeconds(10), null);
        String token = tokens.issue(DATASET);

        now[0] = Clock.offset(CLOCK, Duration.ofMillis(9_999));
        assertThatCode(() -> tokens.check(DATASET, token, false)).doesNotThrowAnyException();
        now[0] = Clock.offset(CLOCK, Duration.ofSeconds(10));
        assertInvalid(tokens, DATASET, token);
    }

    @Test
    void singleUse_consumesOnlyWhenAsked() {
        SessionTokens tokens = new SessionTokens(CLOCK, null, new UsedTokens(100));
        String token = tokens.issue(DATASET);

        assertThatCode(() -> tokens.check(DATASET, token, false)).doesNotThrowAnyException();
        assertThatCode(() -> tokens.check(DATASET, token, true)).doesNotThrowAnyException();
        assertInvalid(tokens, DATASET, token);
    }

    @Test
    void usedTokens_stayBoundedAndRejectTokensOutsideTheWindow() {
        UsedTokens used = new UsedTokens(10);

        for (long nonce = 1; nonce <= 1000; nonce++) {
            assertThat(used.use(nonce, nonce)).isTrue();
            assertThat(used.use(nonce, nonce)).isFalse();
            assertThat(used.size()).isLessThanOrEqualTo(21);
        }
        assertThat(used.usable(990, 1000)).isFalse();
        assertThat(used.usable(990, 1001)).isFalse();
        assertThat(used.usable(1001, 1001)).isTrue();
        assertThat(used.usable(991, 1001)).isFalse();
        assertThat(used.use(985, 1000)).isFalse();
    }

    private static void assertInvalid(SessionTokens tokens, DatasetRef dataset, String token) {
        assertThatThrownBy(() -> tokens.check(dataset, token, true)).isInstanceOfSatisfying(ServiceError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("InvalidParameterException");
            assertThat(e.getMessage()).isEqualTo("SyncSessionToken not valid for these inputs");
        });
    }
}
