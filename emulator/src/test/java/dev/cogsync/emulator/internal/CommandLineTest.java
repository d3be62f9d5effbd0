package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.EmulatorConfig;
import dev.cogsync.emulator.FaultScope;
import dev.cogsync.emulator.ThrottleConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void noArguments_giveTheDefaults() throws UsageException {
        CommandLine commandLine = CommandLine.parse();

        assertThat(commandLine.help()).isFalse();
        assertThat(commandLine.config()).usingRecursiveComparison().ignoringFields("clock")
                .isEqualTo(EmulatorConfig.defaults());
    }

    @Test
    void everyFlag_setsItsKnob() throws UsageException {
        EmulatorConfig config = CommandLine.parse("--host", "0.0.0.0", "--port=8080", "--io-threads", "3",
                "--region", "eu-west-1", "--access-key", "AKID", "--secret-key", "SECRET", "--no-auth",
                "--token-ttl", "5m", "--single-use-tokens", "--used-token-capacity", "10",
                "--max-datasets", "2", "--max-records", "3", "--max-dataset-bytes", "4", "--max-key-length", "5",
                "--max-value-length", "6", "--throttle-rps", "2.5", "--throttle-burst", "7",
                "--fault-internal-error", "0.1", "--fault-service-unavailable", "0.2",
                "--fault-connection-closed", "0.3", "--fault-applied-then-dropped", "0.4", "--fault-latency", "0.5",
                "--latency-fixed", "250ms", "--latency-jitter", "PT1S", "--faults-update-records-only",
                "--seed", "-9").config();

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.ioThreads()).isEqualTo(3);
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.credentials().accessKeyId()).isEqualTo("AKID");
        assertThat(config.credentials().secretAccessKey()).isEqualTo("SECRET");
        assertThat(config.authEnabled()).isFalse();
        assertThat(config.tokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.singleUseTokens()).isTrue();
        assertThat(config.usedTokenCapacity()).isEqualTo(10);
        assertThat(config.limits().maxDatasetsPerIdentity()).isEqualTo(2);
        assertThat(config.limits().maxRecordsPerDataset()).isEqualTo(3);
        assertThat(config.limits().maxDatasetBytes()).isEqualTo(4);
        assertThat(config.limits().maxKeyLength()).isEqualTo(5);
        assertThat(config.limits().maxValueLength()).isEqualTo(6);
        assertThat(config.throttle()).isEqualTo(ThrottleConfig.of(2.5, 7));
        assertThat(config.faults().internalError()).isEqualTo(0.1);
        assertThat(config.faults().serviceUnavailable()).isEqualTo(0.2);
        assertThat(config.faults().connectionClosed()).isEqualTo(0.3);
        assertThat(config.faults().appliedThenDropped()).isEqualTo(0.4);
        assertThat(config.faults().latency()).isEqualTo(0.5);
        assertThat(config.faults().latencyFixed()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.faults().latencyJitter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.faults().scope()).isEqualTo(FaultScope.UPDATE_RECORDS_ONLY);
        assertThat(config.seed()).isEqualTo(-9);
    }

    @Test
    void throttleBurst_defaultsToTheRateRoundedUp() throws UsageException {
        assertThat(CommandLine.parse("--throttle-rps", "2.5").config().throttle()).isEqualTo(ThrottleConfig.of(2.5, 3));
        assertThat(CommandLine.parse("--throttle-rps", "0.2").config().throttle()).isEqualTo(ThrottleConfig.of(0.2, 1));
    }

    @Test
    void help_isRecognisedInBothForms() throws UsageException {
        assertThat(CommandLine.parse("--help").help()).isTrue();
        assertThat(CommandLine.parse("-h").help()).isTrue();
    }

    @Test
    void usageErrors_nameTheOption() {
        assertUsage("unknown option --bogus", "--bogus");
        assertUsage("unexpected argument stray", "stray");
        assertUsage("option --port needs a value", "--port");
        assertUsage("option --port needs an integer, not 'abc'", "--port", "abc");
        assertUsage("option --port needs an integer between 0 and 65535", "--port", "70000");
        assertUsage("option --fault-internal-error needs a probability between 0 and 1", "--fault-internal-error", "2");
        assertUsage("option --throttle-rps needs a positive number", "--throttle-rps", "0");
        assertUsage("option --token-ttl needs a duration such as 250ms, 30s, 5m, 1h or PT1H, not '5 parsecs'",
                "--token-ttl", "5 parsecs");
        assertUsage("option --token-ttl needs a positive duration", "--token-ttl", "0s");
        assertUsage("option --secret-key needs --access-key too", "--secret-key", "x");
        assertUsage("option --access-key needs --secret-key too", "--access-key", "x");
        assertUsage("option --throttle-burst needs --throttle-rps too", "--throttle-burst", "3");
        assertUsage("option --no-auth takes no value", "--no-auth=yes");
        assertUsage("option --host needs a value that is not blank", "--host", " ");
    }

    @Test
    void cli_printsHelp_andAnswersUsageErrorsWithStatusTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int help = Cli.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int bad = Cli.run(new String[] {"--frobnicate"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(help).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage:").contains("--throttle-rps");
        assertThat(bad).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --frobnicate");
    }

    private static void assertUsage(String message, String... args) {
        assertThatThrownBy(() -> CommandLine.parse(args)).isInstanceOf(UsageException.class).hasMessage(message);
    }
}
