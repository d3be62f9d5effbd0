package dev.cogsync.benchmarks.load;

import dev.cogsync.emulator.CognitoSyncEmulator;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load command as a process, with {@code --endpoint} and nothing but the standard environment: its credentials
 * come from a local fake of the EC2 instance metadata service (IMDSv2), through the default chain, exactly as an
 * AWS SDK in the same environment would find them; the emulator checks every signature.
 */
class LoadEnvironmentIT {

    private static final Path JAR = Paths.get(System.getProperty("benchmarks.jar",
            "target/cogsync-benchmarks.jar"));

    @TempDir
    Path home;

    @Test
    void aTwoThousandPatchRunSignsWithInstanceMetadataCredentialsFetchedAtMostTwice() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
            String credentials = "{\"Code\":\"Success\",\"AccessKeyId\":\"" + emulator.credentials().accessKeyId()
                    + "\",\"SecretAccessKey\":\"" + emulator.credentials().secretAccessKey()
                    + "\",\"Token\":\"imds-token\",\"Expiration\":\"" + Instant.now().plus(Duration.ofHours(6)) + "\"}";
            DisposableServer imds = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                    .put("/latest/api/token", (request, response) -> response.sendString(Mono.just("t")))
                    .get("/latest/meta-data/iam/security-credentials/", (request, response) ->
                            "t".equals(request.requestHeaders().get("X-aws-ec2-metadata-token"))
                                    ? response.sendString(Mono.just("role"))
                                    : response.status(HttpResponseStatus.UNAUTHORIZED).send())
                    .get("/latest/meta-data/iam/security-credentials/role", (request, response) -> {
                        fetches.incrementAndGet();
                        return response.sendString(Mono.just(credentials));
                    }))
                    .bindNow();
            try {
                Process load = start(List.of("load", "--endpoint", emulator.endpoint().toString(), "--patches",
                        "2000", "--warmup", "0s", "--writers", "32", "--datasets", "4"),
                        Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:" + imds.port()));
                String out = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(load.waitFor(60, TimeUnit.SECONDS)).isTrue();

                assertThat(load.exitValue()).as(out).isZero();
                assertThat(out).containsPattern("patches acknowledged +2,000\n")
                        .containsPattern("patches failed +0\n");
                assertThat(fetches.get()).as("credential fetches").isBetween(1, 2);
                assertThat(emulator.counters().patchesTotal()).isEqualTo(2000);
            } finally {
                imds.disposeNow();
            }
        }
    }

    /** Starts the jar with a clean environment: no AWS settings but the given ones, a home without profiles. */
    private Process start(List<String> args, Map<String, String> environment) throws IOException {
        assertThat(JAR).as("the benchmarks jar, built by the package phase").exists();
        List<String> command = new java.util.ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(home.resolve("stderr").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("HOME", home.toString());
        builder.environment().putAll(environment);
        Files.createDirectories(home);
        return builder.start();
    }
}
