package dev.cogsync.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {

    @Test
    void theStandaloneOptionsConfigureAnEmbeddedEmulator() {
        EmulatorConfig config = EmulatorConfig.parse("--fault-throttled", "0.3", "--region=eu-west-1");

        assertThat(config.faults().throttled()).isEqualTo(0.3);
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(EmulatorConfig.parse()).isEqualTo(EmulatorConfig.defaults());
    }

    @Test
    void aBadStandaloneOptionIsRefusedByName() {
        assertThatThrownBy(() -> EmulatorConfig.parse("--fault-throttled", "often"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option --fault-throttled needs a number, not 'often'");
        assertThatThrownBy(() -> EmulatorConfig.parse("--help")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option --help configures nothing");
    }

    @Test
    void defaults_areTheServicesAndTheDocumentationPair() {
        EmulatorConfig config = EmulatorConfig.defaults();

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.credentials().accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(config.credentials().secretAccessKey()).isEqualTo("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        assertThat(config.authEnabled()).isTrue();
        assertThat(config.tokenTtl()).isNull();
        assertThat(config.singleUseTokens()).isFalse();
        assertThat(config.limits()).isEqualTo(new EmulatorLimits(20, 1024, 1024 * 1024, 1024, 1_048_575));
        assertThat(config.throttle().enabled()).isFalse();
        assertThat(config.faults().enabled()).isFalse();
        assertThat(config.toString()).contains("AKIDEXAMPLE").doesNotContain("EXAMPLEKEY");
    }

    @Test
    void toBuilder_copiesEveryValue() {
        EmulatorConfig config = EmulatorConfig.builder().port(1234).tokenTtl(Duration.ofSeconds(3)).seed(9)
                .faults(FaultConfig.builder().internalError(0.5).build()).build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.faults().toBuilder().build()).isEqualTo(config.faults());
    }

    @Test
    void invalidValues_areRejectedNamingTheField() {
        assertThatThrownBy(() -> EmulatorConfig.builder().port(70000).build()).hasMessageStartingWith("port:");
        assertThatThrownBy(() -> EmulatorConfig.builder().tokenTtl(Duration.ZERO).build())
                .hasMessageStartingWith("tokenTtl:");
        assertThatThrownBy(() -> FaultConfig.builder().internalError(1.5).build())
                .hasMessageStartingWith("internalError:");
        assertThatThrownBy(() -> FaultConfig.builder().latency(0.1, Duration.ofMillis(-1), Duration.ZERO).build())
                .hasMessageStartingWith("latencyFixed:");
        assertThatThrownBy(() -> ThrottleConfig.of(1, 0)).hasMessageStartingWith("burst:");
        assertThatThrownBy(() -> ThrottleConfig.of(-1, 1)).hasMessageStartingWith("ratePerSecond:");
        assertThatThrownBy(() -> EmulatorLimits.DEFAULT.withMaxRecordsPerDataset(0))
                .hasMessageStartingWith("maxRecordsPerDataset:");
    }

    @Test
    void histogramBuckets_arePowersOfTwo() {
        assertThat(EmulatorCounters.bucketOf(0)).isZero();
        assertThat(EmulatorCounters.bucketOf(1)).isEqualTo(1);
        assertThat(EmulatorCounters.bucketOf(2)).isEqualTo(2);
        assertThat(EmulatorCounters.bucketOf(3)).isEqualTo(3);
        assertThat(EmulatorCounters.bucketOf(4)).isEqualTo(3);
        assertThat(EmulatorCounters.bucketOf(5)).isEqualTo(4);
        assertThat(EmulatorCounters.bucketOf(1024)).isEqualTo(11);
        assertThat(EmulatorCounters.bucketOf(1025)).isEqualTo(12);
        assertThat(EmulatorCounters.bucketOf(Integer.MAX_VALUE)).isEqualTo(12);
        for (int bucket = 1; bucket < EmulatorCounters.BUCKETS; bucket++) {
            int upper = EmulatorCounters.bucketUpperBound(bucket);
            assertThat(EmulatorCounters.bucketOf(upper)).isEqualTo(bucket);
            assertThat(EmulatorCounters.bucketOf(EmulatorCounters.bucketUpperBound(bucket - 1) + 1)).isEqualTo(bucket);
        }
    }
}
