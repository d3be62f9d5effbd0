package dev.cogsync.benchmarks.load;

import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.emulator.CognitoSyncEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Smoke tests of the load command as a user runs it, in-process through {@link LoadCommand#run}: small runs
 * against the embedded emulator in both modes, with faults, with throttling and with contention, and one against an
 * emulator given by {@code --endpoint}. Each reads the JSON summary and checks that its numbers add up. BlockHound is
 * installed, so a blocking call on an event loop would fail patches, and with them these tests.
 */
class LoadCommandIT {

    /** Every key the JSON summary must have. */
    private static final List<String> KEYS = List.of("patchesSubmitted", "patchesAcknowledged", "patchesFailed",
            "failuresByError", "updateRecordsCalls", "listRecordsCalls", "patchesPerCall", "retries", "throttled",
            "durationSeconds", "patchesPerSecond", "latencyMillis");

    @TempDir
    Path dir;

    @Test
    void coalescedModeAcknowledgesEveryPatchInFarFewerCalls() throws IOException {
        Run run = load("--mode", "coalesced", "--writers", "16", "--datasets", "2", "--patches", "1000",
                "--warmup", "0s");

        assertThat(run.status()).as("exit status; the run printed:%n%s", run.out()).isZero();
        Summary summary = run.summary();
        assertThat(summary.count("patchesSubmitted")).isEqualTo(1000);
        assertThat(summary.count("patchesAcknowledged")).isEqualTo(1000);
        assertThat(summary.count("patchesFailed")).isZero();
        assertThat(summary.failures()).isEmpty();
        assertThat(summary.count("updateRecordsCalls")).as("UpdateRecords calls for 1,000 patches")
                .isPositive().isLessThanOrEqualTo(250);
        assertThat(summary.count("listRecordsCalls")).as("one session token per dataset").isEqualTo(2);
        assertThat(summary.number("patchesPerCall")).isGreaterThanOrEqualTo(4);
        assertThat(summary.map("latencyMillis").get("max")).isNotNull();
        assertThat(run.out()).startsWith("cogsync load: coalesced, 16 writers, 2 datasets x 64 keys, 64-byte "
                + "values, 1,000 patches\ntarget: the embedded emulator at http://127.0.0.1:");
        assertThat(run.err()).startsWith("load: coalesced, 16 writers, 2 datasets x 64 keys, 64-byte values, "
                + "1,000 patches, against the embedded emulator at http://127.0.0.1:");
    }

    @Test
    void perPatchModeSendsAListAndAnUpdatePerPatch() throws IOException {
        Run run = load("--mode", "per-patch", "--writers", "16", "--datasets", "2", "--patches", "1000",
                "--warmup", "0s");

        assertThat(run.status()).as("exit status; the run printed:%n%s", run.out()).isZero();
        Summary summary = run.summary();
        assertThat(summary.count("patchesAcknowledged")).isEqualTo(1000);
        assertThat(summary.count("patchesFailed")).isZero();
        // Writers split the keys, so nothing conflicts: exactly one ListRecords and one UpdateRecords a patch.
        assertThat(summary.count("updateRecordsCalls")).isEqualTo(1000);
        assertThat(summary.count("listRecordsCalls")).isEqualTo(1000);
        assertThat(summary.number("patchesPerCall")).isEqualTo(1.0);
        assertThat(run.out()).startsWith("cogsync load: per-patch, 16 writers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"coalesced", "explicit", "plain", "per-patch"})
    void faultsAreRetriedAndTheRunEndsWithConsistentNumbers(String mode) throws IOException {
        Run run = load("--mode", mode, "--writers", "16", "--datasets", "2", "--patches", "1000", "--warmup", "0s",
                "--fault-rate", "0.2", "--seed", "42");

        Summary summary = run.summary();
        assertThat(summary.count("retries")).as("retries after 500s and resets").isPositive();
        assertThat(run.status()).as("exit status for %s failed patches", summary.count("patchesFailed"))
                .isEqualTo(summary.count("patchesFailed") > 0 ? 1 : 0);
        assertThat(summary.count("patchesAcknowledged")).as("most patches survive 3 attempts")
                .isGreaterThan(900);
        assertThat(run.out()).contains("fault rate 0.2 (seed 42)");
    }

    @Test
    void throttlingShowsInTheThrottledCount() throws IOException {
        Run run = load("--writers", "16", "--datasets", "2", "--duration", "1s", "--warmup", "0s",
                "--throttle-rps", "20");

        Summary summary = run.summary();
        assertThat(summary.count("throttled")).as("429 responses").isPositive();
        assertThat(summary.count("retries")).isPositive();
        assertThat(run.status()).isEqualTo(summary.count("patchesFailed") > 0 ? 1 : 0);
        assertThat(run.out()).contains("throttled at 20 requests/s per identity");
    }

    @Test
    void perPatchWritersSharingAKeyListAgainOnConflicts() throws IOException {
        Run run = load("--mode", "per-patch", "--writers", "8", "--datasets", "1", "--keys", "1", "--patches",
                "200", "--warmup", "0s");

        Summary summary = run.summary();
        assertThat(summary.count("listRecordsCalls")).as("ListRecords again after conflicts")
                .isGreaterThan(summary.count("patchesSubmitted"));
        assertThat(summary.count("updateRecordsCalls")).isGreaterThan(summary.count("patchesAcknowledged"));
        assertThat(summary.failures().keySet()).isSubsetOf("ResourceConflictException");
        assertThat(run.status()).isEqualTo(summary.count("patchesFailed") > 0 ? 1 : 0);
    }

    @Test
    void theWarmUpIsNotCounted() throws IOException {
        Run run = load("--writers", "8", "--datasets", "2", "--patches", "300", "--warmup", "300ms");

        assertThat(run.status()).as("exit status; the run printed:%n%s", run.out()).isZero();
        Summary summary = run.summary();
        assertThat(summary.count("patchesSubmitted")).isEqualTo(300);
        assertThat(summary.count("patchesAcknowledged")).isEqualTo(300);
        assertThat(summary.count("listRecordsCalls")).as("session tokens were fetched during the warm-up")
                .isZero();
        assertThat(run.err()).contains("\nwarm-up: ");
        assertThat(run.out()).contains("300 patches after a 300ms warm-up");
    }

    @Test
    void anEndpointIsUsedWithCredentialsFromTheStandardSources() throws IOException {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            String previousKey = System.setProperty("aws.accessKeyId", emulator.credentials().accessKeyId());
            String previousSecret = System.setProperty("aws.secretAccessKey",
                    emulator.credentials().secretAccessKey());
            try {
                Run run = load("--endpoint", emulator.endpoint().toString(), "--writers", "8", "--datasets", "2",
                        "--patches", "200", "--warmup", "0s");

                assertThat(run.status()).isZero();
                assertThat(run.summary().count("patchesAcknowledged")).isEqualTo(200);
                assertThat(emulator.counters().requests(ApiOperation.UPDATE_RECORDS, 200))
                        .isEqualTo(run.summary().count("updateRecordsCalls"));
                assertThat(emulator.counters().patchesTotal()).isEqualTo(200);
                assertThat(run.out()).contains("\ntarget: " + emulator.endpoint() + "\n");
            } finally {
                restore("aws.accessKeyId", previousKey);
                restore("aws.secretAccessKey", previousSecret);
            }
        }
    }

    @Test
    void everyIdentityCanSignWithItsOwnCognitoIdentityCredentials() throws IOException {
        Run run = load("--credentials", "cognito-identity", "--writers", "64", "--datasets", "40", "--patches",
                "2000", "--warmup", "0s");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.summary().count("patchesAcknowledged")).isEqualTo(2000);
    }

    @Test
    void anEndpointThatDoesNotAnswerFailsBeforeAnyWriterStarts() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String previousKey = System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        String previousSecret = System.setProperty("aws.secretAccessKey", "secret");
        try {
            Path json = dir.resolve("summary.json");
            Run run = run("--endpoint", "http://127.0.0.1:" + port, "--json", json.toString());

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("load: cannot start: ListRecords of load-0 at http://127.0.0.1:" + port
                    + " failed: ").contains("Connection refused");
            assertThat(json).doesNotExist();
        } finally {
            restore("aws.accessKeyId", previousKey);
            restore("aws.secretAccessKey", previousSecret);
        }
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }

    /** Runs the command with a JSON summary, and checks what holds for every run. */
    private Run load(String... args) throws IOException {
        Path json = dir.resolve("summary-" + System.nanoTime() + ".json");
        List<String> withJson = new ArrayList<>(List.of(args));
        withJson.addAll(List.of("--json", json.toString()));
        Run run = run(withJson.toArray(String[]::new));
        assertThat(json).as("JSON summary; stderr was:%n%s", run.err()).exists();
        Summary summary = new Summary(JsonTree.object(Files.readString(json, StandardCharsets.UTF_8)));
        assertConsistent(summary, run);
        return new Run(run.status(), run.out(), run.err(), summary);
    }

    private static void assertConsistent(Summary summary, Run run) {
        assertThat(summary.json()).containsKeys(KEYS.toArray(String[]::new));
        long submitted = summary.count("patchesSubmitted");
        long acknowledged = summary.count("patchesAcknowledged");
        long failed = summary.count("patchesFailed");
        assertThat(acknowledged + failed).as("acknowledged + failed").isEqualTo(submitted);
        assertThat(summary.failures().values().stream().mapToLong(Long::longValue).sum())
                .as("failures by error").isEqualTo(failed);
        assertThat(summary.number("durationSeconds")).isPositive();
        assertThat(summary.number("patchesPerSecond"))
                .isCloseTo(acknowledged / summary.number("durationSeconds"), within(1e-6));
        long calls = summary.count("updateRecordsCalls");
        if (calls > 0) {
            assertThat(summary.number("patchesPerCall")).isCloseTo((double) acknowledged / calls, within(1e-9));
        }
        Map<String, Object> latency = summary.map("latencyMillis");
        assertThat(latency).containsOnlyKeys("p50", "p95", "p99", "max");
        if (acknowledged > 0) {
            double p50 = (double) latency.get("p50");
            double p95 = (double) latency.get("p95");
            double p99 = (double) latency.get("p99");
            double max = (double) latency.get("max");
            assertThat(p50).isPositive().isLessThanOrEqualTo(p95);
            assertThat(p95).isLessThanOrEqualTo(p99);
            assertThat(p99).isLessThanOrEqualTo(max);
        }
        assertThat(tableCount(run.out(), "patches submitted")).isEqualTo(submitted);
        assertThat(tableCount(run.out(), "patches acknowledged")).isEqualTo(acknowledged);
        assertThat(tableCount(run.out(), "patches failed")).isEqualTo(failed);
        assertThat(tableCount(run.out(), "UpdateRecords calls")).isEqualTo(calls);
        assertThat(run.status()).as("exit status").isEqualTo(failed > 0 ? 1 : 0);
    }

    /** The number on the table's line for a label, wherever the renderer aligned it. */
    private static long tableCount(String table, String label) {
        String line = table.lines().filter(l -> l.trim().startsWith(label + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + label + " in:\n" + table));
        String[] words = line.trim().split(" +");
        return Long.parseLong(words[words.length - 1].replace(",", ""));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LoadCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), null);
    }

    private record Run(int status, String out, String err, Summary summary) {
    }

    /** The JSON summary, with typed accessors. */
    private record Summary(Map<String, Object> json) {

        long count(String key) {
            Object value = json.get(key);
            assertThat(value).as(key).isInstanceOf(Number.class);
            return ((Number) value).longValue();
        }

        double number(String key) {
            Object value = json.get(key);
            assertThat(value).as(key).isInstanceOf(Number.class);
            return ((Number) value).doubleValue();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String key) {
            assertThat(json.get(key)).as(key).isInstanceOf(Map.class);
            return (Map<String, Object>) json.get(key);
        }

        Map<String, Long> failures() {
            Map<String, Long> failures = new LinkedHashMap<>();
            map("failuresByError").forEach((name, count) -> failures.put(name, ((Number) count).longValue()));
            return failures;
        }
    }
}
