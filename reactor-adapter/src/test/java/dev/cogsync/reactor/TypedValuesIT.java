package dev.cogsync.reactor;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogsync.codec.ValueCodec;
import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.exception.ValidationException;
import dev.cogsync.exception.ValueDecodingException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.reactor.json.Jackson3ValueCodec;
import dev.cogsync.reactor.json.JacksonValueCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed values through Jackson 2 and Jackson 3, written by the coalescer and read back from the emulator. */
class TypedValuesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A settings object of every JSON kind. */
    record Profile(String name, int level, double score, long coins, boolean premium, List<String> tags,
                   Map<String, Object> extra, String nickname) {
    }

    private static final Profile PROFILE = new Profile("Zoë 🚀 \"quoted\"", 7, 1234.5, 9_007_199_254_740_993L, true,
            List.of("a", "ü", ""), nested(), null);

    private static Map<String, Object> nested() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("nested", Map.of("list", List.of(1, 2.5, false)));
        extra.put("nothing", null);
        extra.put("text", "日本語");
        return extra;
    }

    private static ValueCodec<Profile> codec(String jackson) {
        return jackson.equals("2") ? JacksonValueCodec.of(new ObjectMapper(), Profile.class)
                : Jackson3ValueCodec.of(JsonMapper.builder().build(), Profile.class);
    }

    @ParameterizedTest(name = "Jackson {0}")
    @ValueSource(strings = {"2", "3"})
    void aNestedObjectRoundTripsWithItsFieldsAndTypes(String jackson) {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start();
             WriterFixture fixture = new WriterFixture(emulator)) {
            CognitoSyncClient client = fixture.client();
            TypedWriter<Profile> writer = fixture.writer(client, WriterOptions.defaults()).typed(codec(jackson));
            DatasetRef dataset = WriterFixture.dataset(5, "profiles");

            TypedRecord<Profile> written = writer.put(dataset, "profile", PROFILE).block(WAIT);
            TypedRecord<Profile> read = client.typed(codec(jackson)).get(dataset, "profile").block(WAIT);

            assertThat(written.value()).isEqualTo(PROFILE);
            assertThat(read.value()).isEqualTo(PROFILE);
            assertThat(read.syncCount()).isEqualTo(written.syncCount());
            assertThat(emulator.dataset(dataset).orElseThrow().value("profile")).contains("\"coins\":9007199254740993");
        }
    }

    @ParameterizedTest(name = "Jackson {0}")
    @ValueSource(strings = {"2", "3"})
    void aValueThatGrowsPastTheLimitOnceEncodedIsRefusedBeforeSendingNamingTheKey(String jackson) {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start();
             WriterFixture fixture = new WriterFixture(emulator)) {
            TypedWriter<Profile> writer = fixture.writer(WriterOptions.defaults()).typed(codec(jackson));
            char[] quotes = new char[600_000];
            Arrays.fill(quotes, '"');
            Profile big = new Profile(new String(quotes), 0, 0, 0, false, List.of(), Map.of(), null);

            assertThatThrownBy(() -> writer.put(WriterFixture.dataset(5, "profiles"), "big-profile", big).block(WAIT))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("big-profile")
                    .hasMessageContaining("1048575");
            assertThat(emulator.counters().requests(ApiOperation.UPDATE_RECORDS)).isZero();
        }
    }

    @ParameterizedTest(name = "Jackson {0}")
    @ValueSource(strings = {"2", "3"})
    void aStoredValueThatDoesNotDecodeFailsNamingTheKey(String jackson) {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start();
             WriterFixture fixture = new WriterFixture(emulator)) {
            CognitoSyncClient client = fixture.client();
            DatasetRef dataset = WriterFixture.dataset(5, "profiles");
            fixture.writer(client, WriterOptions.defaults()).put(dataset, "legacy", "not json {").block(WAIT);

            assertThatThrownBy(() -> client.typed(codec(jackson)).get(dataset, "legacy").block(WAIT))
                    .isInstanceOf(ValueDecodingException.class).hasMessageContaining("'legacy'")
                    .hasMessageNotContaining("not json");
        }
    }
}
