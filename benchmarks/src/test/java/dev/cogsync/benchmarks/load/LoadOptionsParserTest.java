package dev.cogsync.benchmarks.load;

import dev.cogsync.workload.PatchMode;
import dev.cogsync.workload.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command line: defaults, every option in both spellings, the rules between options, and for every bad value
 * what the user sees (a message naming the option, a hint to {@code --help}, exit status 2, nothing started).
 */
class LoadOptionsParserTest {

    @TempDir
    Path dir;

    @Test
    void noArgumentsGiveTheDocumentedDefaults() throws UsageException {
        LoadOptions options = LoadOptionsParser.parse();

        assertThat(options).isEqualTo(LoadOptions.defaults());
        assertThat(options.endpoint()).isNull();
        assertThat(options.embedded()).isTrue();
        assertThat(options.region()).isEqualTo("us-east-1");
        assertThat(options.identityPoolId()).isEqualTo("us-east-1:c0651ec0-0000-4000-8000-000000000000");
        assertThat(options.writers()).isEqualTo(256);
        assertThat(options.datasets()).isEqualTo(4);
        assertThat(options.keys()).isEqualTo(64);
        assertThat(options.valueBytes()).isEqualTo(64);
        assertThat(options.patches()).isNull();
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.mode()).isEqualTo(PatchMode.COALESCED);
        assertThat(options.throttleRps()).isZero();
        assertThat(options.faultRate()).isZero();
        assertThat(options.seed()).isZero();
        assertThat(options.json()).isNull();
    }

    @Test
    void everyEmulatorRunOptionIsRead() throws UsageException {
        Path json = dir.resolve("summary.json");

        LoadOptions options = LoadOptionsParser.parse("--region", "eu-west-1", "--identity-pool-id",
                "eu-west-1:0123abcd-0000-4000-8000-000000000001", "--mode", "per-patch", "--writers", "32",
                "--datasets", "8", "--keys", "16", "--value-bytes", "0", "--duration", "2m", "--warmup", "0s",
                "--throttle-rps", "12.5", "--fault-rate", "0.05", "--seed", "-42", "--json", json.toString());

        assertThat(options).isEqualTo(LoadOptions.builder().region("eu-west-1")
                .identityPoolId("eu-west-1:0123abcd-0000-4000-8000-000000000001").mode(PatchMode.PER_PATCH).writers(32)
                .datasets(8).keys(16).valueBytes(0).duration(Duration.ofMinutes(2)).warmup(Duration.ZERO)
                .throttleRps(12.5).faultRate(0.05).seed(-42).json(json).build());
    }

    @Test
    void valuesMayFollowAnEqualsSign() throws UsageException {
        LoadOptions options = LoadOptionsParser.parse("--writers=8", "--datasets=2", "--patches=1000",
                "--mode=coalesced", "--endpoint=https://cognito-sync.us-east-1.amazonaws.com");

        assertThat(options.writers()).isEqualTo(8);
        assertThat(options.datasets()).isEqualTo(2);
        assertThat(options.patches()).isEqualTo(1000L);
        assertThat(options.duration()).isNull();
        assertThat(options.mode()).isEqualTo(PatchMode.COALESCED);
        assertThat(options.endpoint()).isEqualTo(URI.create("https://cognito-sync.us-east-1.amazonaws.com"));
        assertThat(options.embedded()).isFalse();
    }

    @Test
    void patchesReplaceTheDefaultDuration() throws UsageException {
        LoadOptions options = LoadOptionsParser.parse("--patches", "1000");

        assertThat(options.patches()).isEqualTo(1000L);
        assertThat(options.duration()).isNull();
    }

    @Test
    void anEndpointOnLoopbackMayUsePlainHttp() throws UsageException {
        assertThat(LoadOptionsParser.parse("--endpoint", "http://127.0.0.1:8080").endpoint())
                .isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(LoadOptionsParser.parse("--endpoint", "http://localhost:8080").endpoint())
                .isEqualTo(URI.create("http://localhost:8080"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10s   | PT10S",
        "500ms | PT0.5S",
        "2m    | PT2M",
        "1h    | PT1H",
        "PT30S | PT30S",
    })
    void durationsTakeUnitsOrIso8601(String text, String expected) throws UsageException {
        assertThat(LoadOptionsParser.parse("--duration", text).duration()).isEqualTo(Duration.parse(expected));
        assertThat(LoadOptionsParser.parse("--warmup", text).warmup()).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help"})
    void helpIsPrintedOnStandardOutputEvenNextToABadOption(String flag) {
        Result result = run("--writers", "abc", flag);

        assertThat(result.status()).isZero();
        assertThat(result.out()).startsWith("Usage: java -jar cogsync-benchmarks.jar load [options]")
                .contains("--endpoint URL", "--region REGION", "--identity-pool-id ID", "--mode MODE",
                        "--writers N", "--datasets N", "--keys N", "--value-bytes N", "--duration D",
                        "--patches N", "--warmup D", "--throttle-rps R", "--fault-rate P", "--seed S",
                        "--json FILE", "--help", "Exit status");
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--writers         | abc          | --writers: must be a positive integer, was \"abc\"",
        "--writers         | 0            | --writers: must be a positive integer, was \"0\"",
        "--writers         | -3           | --writers: must be a positive integer, was \"-3\"",
        "--writers         | 2.5          | --writers: must be a positive integer, was \"2.5\"",
        "--writers         | 1000000      | --writers: must be at most 100000, was \"1000000\"",
        "--datasets        | x            | --datasets: must be a positive integer, was \"x\"",
        "--datasets        | 200000       | --datasets: must be at most 100000, was \"200000\"",
        "--keys            | 0            | --keys: must be a positive integer, was \"0\"",
        "--keys            | 1000001      | --keys: must be at most 1000000, was \"1000001\"",
        "--write-timeout   | 0s           | --write-timeout: must be positive, was \"0s\"",
        "--write-timeout   | later        | --write-timeout: must be a duration such as 500ms, 10s, 2m or PT30S",
        "--throttle-probability | 2       | --throttle-probability: must be a probability between 0 and 1, was \"2\"",
        "--credentials     | iam          | --credentials: must be developer or cognito-identity, was \"iam\"",
        "--value-bytes     | -1           | --value-bytes: must be an integer >= 0, was \"-1\"",
        "--value-bytes     | 1k           | --value-bytes: must be an integer >= 0, was \"1k\"",
        "--patches         | 0            | --patches: must be a positive integer, was \"0\"",
        "--patches         | many         | --patches: must be a positive integer, was \"many\"",
        "--duration        | 10           | --duration: must be a duration such as 500ms, 10s, 2m or PT30S, was \"10\"",
        "--duration        | 1.5s         | --duration: must be a duration such as 500ms, 10s, 2m or PT30S, was",
        "--duration        | 0s           | --duration: must be positive, was \"0s\"",
        "--duration        | PT-1S        | --duration: must be positive, was \"PT-1S\"",
        "--warmup          | soon         | --warmup: must be a duration such as 0s, 500ms, 5s or PT5S, was \"soon\"",
        "--warmup          | PT-1S        | --warmup: must not be negative, was \"PT-1S\"",
        "--mode            | batched      | --mode: must be one of coalesced, explicit, plain, per-patch, was \"batched\"",
        "--throttle-rps    | 0            | --throttle-rps: must be a positive number, was \"0\"",
        "--throttle-rps    | fast         | --throttle-rps: must be a positive number, was \"fast\"",
        "--throttle-rps    | Infinity     | --throttle-rps: must be a positive number, was \"Infinity\"",
        "--fault-rate      | 1.5          | --fault-rate: must be a probability between 0 and 1, was \"1.5\"",
        "--fault-rate      | -0.1         | --fault-rate: must be a probability between 0 and 1, was \"-0.1\"",
        "--fault-rate      | NaN          | --fault-rate: must be a probability between 0 and 1, was \"NaN\"",
        "--seed            | 0x10         | --seed: must be an integer, was \"0x10\"",
        "--region          | US_EAST      | --region: must be 1 to 63 lowercase letters",
        "--identity-pool-id| no-colon     | --identity-pool-id: ",
        "--endpoint        | ftp://host   | --endpoint: scheme must be https (or http for a loopback host), was ftp",
        "--endpoint        | http://example.com | --endpoint: http is allowed only for a loopback host",
        "--endpoint        | not a url    | --endpoint: must be a URL like https://host[:port]",
        "--endpoint        | https://host/path | --endpoint: must not have a path other than /",
    })
    void aBadValueNamesItsOptionAndExitsWithStatus2(String option, String value, String message) {
        assertThat(usageError(run(option, value))).startsWith("load: " + message);
    }

    @Test
    void theWriteTimeoutAndTheThrottleProbabilityAreParsed() throws UsageException {
        LoadOptions options = LoadOptionsParser.parse("--write-timeout", "2s", "--throttle-probability", "0.3",
                "--keys", "41024", "--datasets", "1");
        assertThat(options.writeTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.throttleProbability()).isEqualTo(0.3);
        assertThat(options.keys()).isEqualTo(41024);
        assertThat(LoadOptionsParser.parse().writeTimeout()).isNull();
        assertThat(LoadOptionsParser.parse("--credentials", "cognito-identity").cognitoIdentity()).isTrue();
        assertThat(LoadOptionsParser.parse("--credentials", "developer").cognitoIdentity()).isFalse();
    }

    @Test
    void theThrottleProbabilityConfiguresTheEmbeddedEmulatorOnly() {
        assertThat(usageError(run("--endpoint", "http://127.0.0.1:9", "--throttle-probability", "0.5")))
                .startsWith("load: --throttle-probability: configures the embedded emulator");
    }

    @Test
    void anEndpointErrorNeverEchoesUserInfo() {
        Result result = run("--endpoint", "https://user:s3cret@example.com");

        assertThat(usageError(result)).isEqualTo("load: --endpoint: must not contain user info");
        assertThat(result.err()).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @CsvSource({"--writrs, --writers", "--wrtiers, --writers", "--dataset, --datasets", "--seeds, --seed"})
    void anUnknownOptionIsNamedWithTheClosestKnownOne(String option, String suggestion) {
        assertThat(usageError(run(option, "4")))
                .isEqualTo("load: " + option + ": unknown option; did you mean " + suggestion + "?");
    }

    @Test
    void anUnknownOptionFarFromAnyGetsNoSuggestion() {
        assertThat(usageError(run("--frobnicate", "4"))).isEqualTo("load: --frobnicate: unknown option");
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertThat(usageError(run("--writers"))).isEqualTo("load: --writers: needs a value");
    }

    @Test
    void anOptionGivenTwiceIsRefused() {
        assertThat(usageError(run("--writers", "4", "--writers=8")))
                .isEqualTo("load: --writers: given more than once");
    }

    @Test
    void aStrayArgumentIsRefused() {
        assertThat(usageError(run("fast"))).isEqualTo("load: unexpected argument \"fast\"; options start with --");
    }

    @Test
    void patchesAndDurationAreMutuallyExclusive() {
        assertThat(usageError(run("--patches", "100", "--duration", "5s")))
                .isEqualTo("load: --patches: cannot be combined with --duration; give one or the other");
    }

    @ParameterizedTest
    @CsvSource({"--throttle-rps, 10", "--fault-rate, 0.1", "--seed, 7"})
    void emulatorKnobsCannotGoWithAnEndpoint(String option, String value) {
        assertThat(usageError(run("--endpoint", "https://example.com", option, value))).isEqualTo("load: " + option
                + ": configures the embedded emulator, so it cannot be combined with --endpoint");
    }

    @Test
    void moreDatasetsThanWritersAreRefused() {
        assertThat(usageError(run("--writers", "4", "--datasets", "5"))).isEqualTo("load: --datasets: must be at "
                + "most the number of writers (4), since each writer writes one dataset, was \"5\"");
    }

    @Test
    void valuesThatOverflowADatasetAreRefusedWithTheLargestThatFits() {
        // 64 keys "key-0".."key-63" take 5 * 10 + 6 * 54 = 374 bytes; (1048576 - 374) / 64 = 16378.
        assertThat(usageError(run("--value-bytes", "16379"))).isEqualTo("load: --value-bytes: 64 keys of 16379 "
                + "bytes exceed the service's 1048576 bytes per dataset; with 64 keys, values can have at most 16378 "
                + "bytes");
    }

    @Test
    void theLargestValuesThatFitAreAccepted() throws UsageException {
        assertThat(LoadOptionsParser.parse("--value-bytes", "16378").valueBytes()).isEqualTo(16378);
        assertThat(LoadOptionsParser.parse("--keys", "1", "--value-bytes", "1048571").valueBytes())
                .isEqualTo(1048571);
    }

    @Test
    void aJsonFileInAMissingDirectoryIsRefusedBeforeTheRun() {
        Path missing = dir.resolve("no-such-dir").resolve("summary.json");

        assertThat(usageError(run("--json", missing.toString()))).isEqualTo("load: --json: directory "
                + missing.getParent() + " does not exist, was \"" + missing + "\"");
    }

    @Test
    void aJsonFileThatIsADirectoryIsRefused() {
        assertThat(usageError(run("--json", dir.toString())))
                .isEqualTo("load: --json: is a directory, was \"" + dir + "\"");
    }

    @Test
    void theParserItselfReportsTheOptionAsWell() {
        assertThatThrownBy(() -> LoadOptionsParser.parse("--keys", "many"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--keys: must be a positive integer, was \"many\"");
    }

    /** Checks what every usage error looks like, and returns its first line: the message. */
    private static String usageError(Result result) {
        assertThat(result.status()).as("exit status").isEqualTo(2);
        assertThat(result.out()).as("standard output").isEmpty();
        assertThat(result.err().lines()).as("a message and a hint, nothing started").hasSize(2)
                .last().isEqualTo("Run 'java -jar cogsync-benchmarks.jar load --help' for the options.");
        return result.err().lines().findFirst().orElseThrow();
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LoadCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
