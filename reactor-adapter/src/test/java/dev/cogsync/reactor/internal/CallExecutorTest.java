package dev.cogsync.reactor.internal;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.SigV4Signer;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.exception.ApiCallTimeoutException;
import dev.cogsync.exception.AttemptTimeoutException;
import dev.cogsync.exception.CognitoSyncException;
import dev.cogsync.exception.CredentialsException;
import dev.cogsync.exception.InternalErrorException;
import dev.cogsync.exception.InvalidParameterException;
import dev.cogsync.exception.NotAuthorizedException;
import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.exception.ResourceNotFoundException;
import dev.cogsync.exception.TooManyRequestsException;
import dev.cogsync.exception.TransportException;
import dev.cogsync.protocol.WireRequest;
import dev.cogsync.retry.RetryPolicy;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import reactor.test.StepVerifier;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class CallExecutorTest {

    private static final WireRequest REQUEST = new WireRequest("POST", "/identitypools/p%3Aa/identities/i%3Ab/datasets/d",
            "", List.of(), "{}".getBytes(StandardCharsets.UTF_8));
    private static final AwsCredentials CREDENTIALS = AwsCredentials.of("AKIDEXAMPLE", "secret");

    /** The clock of adaptive rates: Reactor's parallel scheduler, which virtual time replaces. */
    private static final java.util.function.LongSupplier VIRTUAL_NANOS =
            () -> reactor.core.scheduler.Schedulers.parallel().now(java.util.concurrent.TimeUnit.NANOSECONDS);

    private final ScriptedTransport transport = new ScriptedTransport();

    private CallExecutor executor(RetryPolicy policy, DoubleSupplier jitter) {
        return executor(policy, jitter, Duration.ofSeconds(30), Duration.ofMinutes(10));
    }

    private CallExecutor executor(RetryPolicy policy, DoubleSupplier jitter, Duration attemptTimeout,
                                  Duration apiCallTimeout) {
        return new CallExecutor(transport, "cognito-sync.us-east-1.amazonaws.com",
                StaticCredentialsProvider.create(CREDENTIALS), SigV4Signer.create("us-east-1", "cognito-sync"),
                policy, policy.newQuota(), attemptTimeout, apiCallTimeout, Duration.ofSeconds(20),
                Clock.systemUTC(), jitter, TimeoutTimer.REACTOR,
                VIRTUAL_NANOS);
    }

    private static Mono<String> call(CallExecutor executor) {
        return executor.execute(REQUEST, body -> new String(body, StandardCharsets.UTF_8));
    }

    private static RetryPolicy attempts(int max) {
        return RetryPolicy.defaults().toBuilder().maxAttempts(max).build();
    }

    @Test
    void transientBackoffDoublesPerRetry() {
        CallExecutor executor = executor(attempts(4), () -> 0.5);
        transport.error("InternalErrorException", 500).error("InternalErrorException", 500)
                .error("InternalErrorException", 500).respond(200, "ok");

        StepVerifier.withVirtualTime(() -> call(executor))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("ok")
                .verifyComplete();

        assertThat(transport.sent).hasSize(4);
        assertThat(transport.gapMillis(1)).isEqualTo(50);
        assertThat(transport.gapMillis(2)).isEqualTo(100);
        assertThat(transport.gapMillis(3)).isEqualTo(200);
    }

    @Test
    void throttlingBacksOffFromItsOwnLargerBase() {
        CallExecutor executor = executor(attempts(3), () -> 0.5);
        transport.error("TooManyRequestsException", 429).error("LambdaThrottledException", 429).respond(200, "ok");

        StepVerifier.withVirtualTime(() -> call(executor))
                .thenAwait(Duration.ofSeconds(5))
                .expectNext("ok")
                .verifyComplete();

        assertThat(transport.gapMillis(1)).isEqualTo(500);
        assertThat(transport.gapMillis(2)).isEqualTo(1000);
    }

    @Test
    void randomJitterStaysWithinBounds() {
        CallExecutor executor = executor(attempts(6), () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
        transport.repeat(5, () -> transport.error("TooManyRequestsException", 429)).respond(200, "ok");

        StepVerifier.withVirtualTime(() -> call(executor)).thenAwait(Duration.ofMinutes(2)).expectNext("ok")
                .verifyComplete();

        for (int retry = 1; retry <= 5; retry++) {
            assertThat(transport.gapMillis(retry)).isBetween(0L, Math.min(20_000L, 1000L << (retry - 1)));
        }
    }

    @Test
    void backoffIsCapped() {
        RetryPolicy policy = attempts(6).toBuilder().maxBackoff(Duration.ofMillis(300)).build();
        CallExecutor executor = executor(policy, () -> 0.5);
        transport.repeat(5, () -> transport.error("InternalErrorException", 500)).respond(200, "ok");

        StepVerifier.withVirtualTime(() -> call(executor)).thenAwait(Duration.ofSeconds(5)).expectNext("ok")
                .verifyComplete();

        assertThat(List.of(transport.gapMillis(1), transport.gapMillis(2), transport.gapMillis(3),
                transport.gapMillis(4), transport.gapMillis(5))).containsExactly(50L, 100L, 150L, 150L, 150L);
    }

    @Test
    void exhaustedRetryQuotaStopsRetryingAndSaysSo() {
        RetryPolicy policy = attempts(3).toBuilder().quotaCapacity(10).build();
        CallExecutor executor = executor(policy, () -> 0.0);
        transport.error("InternalErrorException", 500).error("InternalErrorException", 500)
                .error("InternalErrorException", 500)
                .error("InternalErrorException", 500);

        StepVerifier.withVirtualTime(() -> call(executor))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InternalErrorException.class)
                        .extracting(t -> ((CognitoSyncException) t).attempts()).isEqualTo(3))
                .verify();
        assertThat(executor.retryQuota().available()).isZero();

        StepVerifier.withVirtualTime(() -> call(executor))
                .expectErrorSatisfies(e -> {
                    assertThat(((CognitoSyncException) e).attempts()).isEqualTo(1);
                    assertThat(e.getSuppressed()).anySatisfy(s -> assertThat(s)
                            .hasMessageStartingWith("retry quota exhausted: 0 of 10 tokens left"));
                })
                .verify();
        assertThat(transport.sent).hasSize(4);
    }

    @Test
    void successRefillsTheQuota() {
        RetryPolicy policy = attempts(2).toBuilder().quotaCapacity(10).build();
        CallExecutor executor = executor(policy, () -> 0.0);
        transport.error("InternalErrorException", 500).respond(200, "ok");

        StepVerifier.withVirtualTime(() -> call(executor)).expectNext("ok").verifyComplete();

        assertThat(executor.retryQuota().available()).isEqualTo(10);
    }

    @Test
    void retryAfterHeaderIsHonouredOverAShorterBackoff() {
        CallExecutor executor = executor(attempts(2), () -> 0.0);
        transport.respond(429, "{\"message\":\"slow down\"}", "x-amzn-ErrorType", "TooManyRequestsException",
                "Retry-After", "3").respond(200, "ok");

        StepVerifier.withVirtualTime(() -> call(executor))
                .thenAwait(Duration.ofMillis(2_999))
                .then(() -> assertThat(transport.sent).hasSize(1))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("ok")
                .verifyComplete();
        assertThat(transport.gapMillis(1)).isEqualTo(3_000);
    }

    @Test
    void retryAfterIsBoundedByMaxRetryAfter() {
        RetryPolicy policy = attempts(2).toBuilder().maxRetryAfter(Duration.ofSeconds(2)).build();
        CallExecutor executor = executor(policy, () -> 0.0);
        transport.respond(429, "{}", "x-amzn-ErrorType", "TooManyRequestsException", "x-amz-retry-after", "600000")
                .respond(200, "ok");

        StepVerifier.withVirtualTime(() -> call(executor)).thenAwait(Duration.ofSeconds(2)).expectNext("ok")
                .verifyComplete();
        assertThat(transport.gapMillis(1)).isEqualTo(2_000);
    }

    @Test
    void attemptTimeoutAbandonsAHungAttemptAndRetriesIt() {
        CallExecutor executor = executor(attempts(2), () -> 0.0, Duration.ofSeconds(1), Duration.ofMinutes(1));
        transport.hang().respond(200, "ok");

        StepVerifier.withVirtualTime(() -> call(executor))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("ok")
                .verifyComplete();
        assertThat(transport.sent).hasSize(2);
    }

    @Test
    void attemptTimeoutsExhaustAttemptsWithATypedError() {
        CallExecutor executor = executor(attempts(2), () -> 0.0, Duration.ofSeconds(1), Duration.ofMinutes(1));
        transport.hang().hang();

        StepVerifier.withVirtualTime(() -> call(executor))
                .thenAwait(Duration.ofSeconds(3))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(AttemptTimeoutException.class)
                            .hasMessage("HTTP attempt 2 did not complete within PT1S");
                    assertThat(((CognitoSyncException) e).attempts()).isEqualTo(2);
                    assertThat(e.getSuppressed()).hasSize(1);
                })
                .verify();
    }

    @Test
    void totalTimeoutEndsTheCallAcrossRetries() {
        CallExecutor executor = executor(attempts(10), () -> 0.999_999, Duration.ofSeconds(30),
                Duration.ofSeconds(2));
        transport.repeat(10, () -> transport.error("TooManyRequestsException", 429));

        StepVerifier.withVirtualTime(() -> call(executor))
                .thenAwait(Duration.ofSeconds(2))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ApiCallTimeoutException.class)
                            .hasMessage("call did not complete within PT2S (2 attempts)");
                    assertThat(e.getSuppressed()).hasOnlyElementsOfType(TooManyRequestsException.class).hasSize(2);
                })
                .verify();
    }

    @Test
    void cancellingDuringBackoffSendsNothingMore() {
        CallExecutor executor = executor(attempts(3), () -> 0.999_999);
        transport.error("InternalErrorException", 500).respond(200, "never sent");

        StepVerifier.withVirtualTime(() -> call(executor))
                .thenAwait(Duration.ofMillis(50))
                .thenCancel()
                .verify();
        StepVerifier.withVirtualTime(() -> Mono.delay(Duration.ofMinutes(1))).thenAwait(Duration.ofMinutes(1))
                .expectNextCount(1).verifyComplete();

        assertThat(transport.sent).hasSize(1);
    }

    @Test
    void clientErrorsAndConflictsAreNeverRetried() {
        for (String[] error : new String[][]{{"InvalidParameterException", "400"},
                {"NotAuthorizedException", "403"}, {"ResourceNotFoundException", "404"},
                {"ResourceConflictException", "409"}}) {
            transport.error(error[0], Integer.parseInt(error[1]));
        }
        CallExecutor executor = executor(attempts(3), () -> 0.0);
        for (Class<?> type : List.of(InvalidParameterException.class, NotAuthorizedException.class,
                ResourceNotFoundException.class, ResourceConflictException.class)) {
            StepVerifier.withVirtualTime(() -> call(executor))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(type)
                            .extracting(t -> ((CognitoSyncException) t).attempts()).isEqualTo(1))
                    .verify();
        }
        assertThat(transport.sent).hasSize(4);
    }

    @Test
    void conflictMessageWith400IsNotRetried() {
        CallExecutor executor = executor(attempts(3), () -> 0.0);
        transport.respond(400, "{\"message\":\"Current SyncCount for: k is: 2 not: 1\"}",
                "x-amzn-ErrorType", "InvalidParameterException");
        StepVerifier.create(call(executor)).expectError(InvalidParameterException.class).verify();
        assertThat(transport.sent).hasSize(1);
    }

    @Test
    void connectionFailuresAreTransientAndSaySoWhetherTheRequestMayHaveBeenSent() {
        CallExecutor executor = executor(attempts(3), () -> 0.0);
        transport.fail(new ConnectException("refused")).fail(PrematureCloseException.TEST_EXCEPTION)
                .fail(new ConnectException("refused"));

        StepVerifier.withVirtualTime(() -> call(executor))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(TransportException.class);
                    assertThat(((TransportException) e).requestMayHaveBeenSent()).isFalse();
                    assertThat(((TransportException) e).attempts()).isEqualTo(3);
                    assertThat(e.getSuppressed()).satisfiesExactly(
                            first -> assertThat(((TransportException) first).requestMayHaveBeenSent()).isFalse(),
                            second -> assertThat(((TransportException) second).requestMayHaveBeenSent()).isTrue());
                })
                .verify();
    }

    @Test
    void everyAttemptIsSignedAfreshWithAFreshDate() {
        Clock ticking = new Clock() {
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
                // One second later for every exchange already sent.
                return Instant.parse("2026-11-21T10:00:00Z").plusSeconds(transport.sent.size());
            }
        };
        AtomicInteger resolutions = new AtomicInteger();
        CallExecutor executor = new CallExecutor(transport, "host.example", () -> {
            resolutions.incrementAndGet();
            return CompletableFuture.completedFuture(CREDENTIALS);
        }, SigV4Signer.create("us-east-1", "cognito-sync"), attempts(2), attempts(2).newQuota(),
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofSeconds(20), ticking, () -> 0.0, TimeoutTimer.REACTOR,
                VIRTUAL_NANOS);
        transport.error("InternalErrorException", 500).respond(200, "ok");

        StepVerifier.withVirtualTime(() -> call(executor)).expectNext("ok").verifyComplete();

        assertThat(resolutions).hasValue(2);
        WireRequest first = transport.sent.get(0).request();
        WireRequest second = transport.sent.get(1).request();
        assertThat(first.header("X-Amz-Date")).isEqualTo("20261121T100000Z");
        assertThat(second.header("X-Amz-Date")).isEqualTo("20261121T100001Z");
        assertThat(first.header("Host")).isEqualTo("host.example");
        assertThat(first.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/"
                + "us-east-1/cognito-sync/aws4_request").isNotEqualTo(second.header("Authorization"));
    }

    @Test
    void credentialsFailureIsReportedWithoutSendingAnything() {
        CallExecutor executor = new CallExecutor(transport, "h", () -> CompletableFuture.failedFuture(
                new CredentialsException("no credentials anywhere")), SigV4Signer.create("us-east-1", "cognito-sync"),
                attempts(3), attempts(3).newQuota(), Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofSeconds(20), Clock.systemUTC(), () -> 0.0, TimeoutTimer.REACTOR,
                VIRTUAL_NANOS);

        StepVerifier.create(call(executor)).expectErrorMessage("no credentials anywhere").verify();
        assertThat(transport.sent).isEmpty();
    }

    @Test
    void nothingIsSentBeforeSubscription() {
        CallExecutor executor = executor(attempts(1), () -> 0.0);
        transport.respond(200, "ok");
        Mono<String> call = call(executor);
        assertThat(transport.sent).isEmpty();
        StepVerifier.create(call).expectNext("ok").verifyComplete();
        assertThat(transport.sent).hasSize(1);
    }
}
