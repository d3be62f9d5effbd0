package dev.cogsync.reactor.internal;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.exception.CredentialsException;
import dev.cogsync.protocol.WireRequest;
import dev.cogsync.retry.RetryPolicy;
import dev.cogsync.auth.SigV4Signer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reads in the log (slf4j-simple, INFO for {@code dev.cogsync.client} in these tests): the
 * client's credential and retry events, never a secret, and never more than ten lines a second.
 */
class OperatorLogTest {

    private static final WireRequest REQUEST = new WireRequest("POST",
            "/identitypools/p%3Aa/identities/i%3Ab/datasets/d", "", List.of(), "{}".getBytes(StandardCharsets.UTF_8));
    private static final java.util.function.LongSupplier VIRTUAL_NANOS =
            () -> reactor.core.scheduler.Schedulers.parallel().now(java.util.concurrent.TimeUnit.NANOSECONDS);

    private final ScriptedTransport transport = new ScriptedTransport();
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
    }

    private String log() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private CallExecutor executor(CredentialsProvider credentials, int maxAttempts) {
        RetryPolicy policy = RetryPolicy.defaults().toBuilder().maxAttempts(maxAttempts).build();
        return new CallExecutor(transport, "h", credentials, SigV4Signer.create("us-east-1", "cognito-sync"), policy,
                policy.newQuota(), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofSeconds(20),
                Clock.systemUTC(), () -> 0.0, TimeoutTimer.REACTOR, VIRTUAL_NANOS);
    }

    private static Mono<String> call(CallExecutor executor) {
        return executor.execute(REQUEST, body -> new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void credentialsThatCannotBeResolvedAreAWarningNamingTheOperationAndTheCause() {
        CallExecutor executor = executor(() -> CompletableFuture.failedFuture(
                new CredentialsException("no credentials in the environment, profiles or instance metadata")), 3);

        StepVerifier.create(call(executor)).expectError(CredentialsException.class).verify();

        assertThat(log()).contains("WARN dev.cogsync.client - cogsync: UpdateRecords not sent: credentials from ")
                .contains("no credentials in the environment, profiles or instance metadata");
        assertThat(executor.counts()[6]).as("credential failures counted").isEqualTo(1);
    }

    @Test
    void refreshedCredentialsAreLoggedWithTheirExpiryAndNoSecret() {
        AtomicInteger fetch = new AtomicInteger();
        CredentialsProvider rotating = () -> {
            int n = fetch.incrementAndGet();
            return CompletableFuture.completedFuture(new AwsCredentials("ASIAROTATING000" + n, "secret-key-" + n,
                    "session-token-" + n, Instant.parse("2026-12-01T12:00:00Z").plusSeconds(3600L * n)));
        };
        CallExecutor executor = executor(rotating, 1);
        transport.respond(200, "ok").respond(200, "ok");

        StepVerifier.create(call(executor)).expectNext("ok").verifyComplete();
        StepVerifier.create(call(executor)).expectNext("ok").verifyComplete();

        assertThat(log()).contains("INFO dev.cogsync.client - cogsync: credentials from ")
                .contains("were refreshed; they expire at 2026-12-01T14:00:00Z")
                .doesNotContain("secret-key").doesNotContain("session-token").doesNotContain("ASIAROTATING");
        assertThat(executor.counts()[5]).as("refreshes counted; the first resolution is not one").isEqualTo(1);
    }

    @Test
    void retriesRunningOutIsAWarningWithTheAttemptsAndTheErrorButNotTheRequest() {
        CallExecutor executor = executor(StaticCredentialsProvider.create(AwsCredentials.of("AKIDLOGTEST", "s3cr3t")),
                2);
        transport.error("InternalErrorException", 500).error("InternalErrorException", 500);

        StepVerifier.withVirtualTime(() -> call(executor)).thenAwait(Duration.ofMinutes(1))
                .expectError().verify(Duration.ofSeconds(10));

        assertThat(log()).contains("WARN dev.cogsync.client - cogsync: UpdateRecords failed after 2 attempts, the "
                        + "most its retry policy allows: InternalErrorException")
                .doesNotContain("AKIDLOGTEST").doesNotContain("s3cr3t").doesNotContain("p%3Aa");
    }

    @Test
    void aCallReachingItsDeadlineIsAWarningWithTheTimeoutAndTheAttempts() {
        RetryPolicy policy = RetryPolicy.defaults().toBuilder().maxAttempts(5).build();
        CallExecutor executor = new CallExecutor(transport, "h",
                StaticCredentialsProvider.create(AwsCredentials.of("AKIDLOGTEST", "s3cr3t")),
                SigV4Signer.create("us-east-1", "cognito-sync"), policy, policy.newQuota(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(20), Clock.systemUTC(), () -> 0.0, TimeoutTimer.REACTOR,
                VIRTUAL_NANOS);
        transport.hang().hang().hang().hang().hang();

        StepVerifier.withVirtualTime(() -> call(executor)).thenAwait(Duration.ofMinutes(1))
                .expectError(dev.cogsync.exception.ApiCallTimeoutException.class).verify(Duration.ofSeconds(10));

        assertThat(log()).contains("WARN dev.cogsync.client - cogsync: UpdateRecords reached its API call timeout "
                + "of 5000 ms after 3 attempts");
    }

    @Test
    void aFloodIsCutToTenLinesASecondAndTheRestAreCounted() {
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        OperatorLog log = new OperatorLog("dev.cogsync.test", "test", nanos::get);
        for (int i = 0; i < 25; i++) {
            log.warn("flood line {}", i);
        }
        nanos.addAndGet(1_000_000_000L);
        log.warn("next second");

        assertThat(log().lines().filter(line -> line.contains("flood line"))).hasSize(OperatorLog.LINES_PER_SECOND);
        assertThat(log()).contains("next second (15 more test events were not logged)");
    }
}
