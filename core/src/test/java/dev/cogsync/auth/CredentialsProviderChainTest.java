package dev.cogsync.auth;

import static dev.cogsync.auth.Stages.failure;
import static dev.cogsync.auth.Stages.isDone;
import static dev.cogsync.auth.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.cogsync.exception.CredentialsException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CredentialsProviderChainTest {

    private static final AwsCredentials FIRST = AwsCredentials.of("AKIDFIRST", "first-secret-11aa");
    private static final AwsCredentials SECOND = AwsCredentials.of("AKIDSECOND", "second-secret-22bb");

    /** A provider whose outcome a test can change, and which counts how often it is asked. */
    private static final class CountingProvider implements CredentialsProvider {
        private final String name;
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicReference<AwsCredentials> credentials = new AtomicReference<>();

        CountingProvider(String name, AwsCredentials credentials) {
            this.name = name;
            this.credentials.set(credentials);
        }

        @Override
        public CompletionStage<AwsCredentials> resolveCredentials() {
            calls.incrementAndGet();
            AwsCredentials current = credentials.get();
            return current != null
                    ? CompletableFuture.completedFuture(current)
                    : CompletableFuture.failedFuture(new CredentialsException(name + ": nothing here"));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void resolveCredentials_returnsTheFirstSuccess_withoutAskingLaterProviders() {
        CountingProvider a = new CountingProvider("a", null);
        CountingProvider b = new CountingProvider("b", FIRST);
        CountingProvider c = new CountingProvider("c", SECOND);

        AwsCredentials credentials = value(CredentialsProviderChain.of(a, b, c).resolveCredentials());

        assertThat(credentials).isEqualTo(FIRST);
        assertThat(a.calls).hasValue(1);
        assertThat(b.calls).hasValue(1);
        assertThat(c.calls).hasValue(0);
    }

    @Test
    void resolveCredentials_whenAllFail_listsEveryFailureInOrder() {
        CountingProvider a = new CountingProvider("a", null);
        CountingProvider b = new CountingProvider("b", null);

        CredentialsException failure = failure(CredentialsProviderChain.of(a, b).resolveCredentials());

        assertThat(failure).hasMessage(
                "Unable to load AWS credentials from any source: [a: nothing here, b: nothing here]");
        assertThat(failure.getSuppressed()).extracting(Throwable::getMessage)
                .containsExactly("a: nothing here", "b: nothing here");
    }

    @Test
    void resolveCredentials_remembersTheWinner_andAsksItDirectlyNextTime() {
        CountingProvider a = new CountingProvider("a", null);
        CountingProvider b = new CountingProvider("b", FIRST);
        CredentialsProviderChain chain = CredentialsProviderChain.of(a, b);
        value(chain.resolveCredentials());

        AwsCredentials again = value(chain.resolveCredentials());

        assertThat(again).isEqualTo(FIRST);
        assertThat(a.calls).hasValue(1);
        assertThat(b.calls).hasValue(2);
    }

    @Test
    void resolveCredentials_whenTheWinnerLaterFails_triesEveryProviderAgainFromTheFirst() {
        CountingProvider a = new CountingProvider("a", null);
        CountingProvider b = new CountingProvider("b", FIRST);
        CredentialsProviderChain chain = CredentialsProviderChain.of(a, b);
        value(chain.resolveCredentials());

        b.credentials.set(null);
        a.credentials.set(SECOND);

        assertThat(value(chain.resolveCredentials())).isEqualTo(SECOND);
        b.credentials.set(FIRST);
        assertThat(value(chain.resolveCredentials())).isEqualTo(SECOND);
        assertThat(b.calls).hasValue(2);
    }

    @Test
    void resolveCredentials_whenTheWinnerLaterFailsAndSoDoesEveryoneElse_listsEveryFailure() {
        CountingProvider a = new CountingProvider("a", null);
        CountingProvider b = new CountingProvider("b", FIRST);
        CredentialsProviderChain chain = CredentialsProviderChain.of(a, b);
        value(chain.resolveCredentials());

        b.credentials.set(null);

        assertThat(failure(chain.resolveCredentials()))
                .hasMessage("Unable to load AWS credentials from any source: [a: nothing here, b: nothing here]");
    }

    @Test
    void resolveCredentials_continuesAfterAnAsynchronousFailure() {
        CompletableFuture<AwsCredentials> later = new CompletableFuture<>();
        CountingProvider b = new CountingProvider("b", FIRST);

        CompletionStage<AwsCredentials> stage = CredentialsProviderChain.of(() -> later, b).resolveCredentials();

        assertThat(isDone(stage)).isFalse();
        assertThat(b.calls).hasValue(0);
        later.completeExceptionally(new CredentialsException("async: nothing here"));
        assertThat(value(stage)).isEqualTo(FIRST);
    }

    @Test
    void resolveCredentials_providerThatThrowsOrFailsOddly_countsAsFailed_withoutCopyingItsMessage() {
        CredentialsProvider throwing = new CredentialsProvider() {
            @Override
            public CompletionStage<AwsCredentials> resolveCredentials() {
                throw new IllegalStateException("leaky-secret-33cc");
            }

            @Override
            public String toString() {
                return "throwing";
            }
        };
        CredentialsProvider failingOddly = new CredentialsProvider() {
            @Override
            public CompletionStage<AwsCredentials> resolveCredentials() {
                return CompletableFuture.supplyAsync(() -> {
                    throw new UnsupportedOperationException("leaky-secret-44dd");
                });
            }

            @Override
            public String toString() {
                return "failingOddly";
            }
        };
        CredentialsProvider returningNull = new CredentialsProvider() {
            @Override
            public CompletionStage<AwsCredentials> resolveCredentials() {
                return null;
            }

            @Override
            public String toString() {
                return "returningNull";
            }
        };

        CredentialsException failure = failure(
                CredentialsProviderChain.of(throwing, failingOddly, returningNull).resolveCredentials());

        assertThat(failure).hasMessage("Unable to load AWS credentials from any source: ["
                + "throwing: failed with java.lang.IllegalStateException, "
                + "failingOddly: failed with java.lang.UnsupportedOperationException, "
                + "returningNull: failed with java.lang.NullPointerException]");
        assertThat(failure.getSuppressed()).hasSize(3);
    }

    @Test
    void of_rejectsNoProviders_andNullProviders() {
        assertThatIllegalArgumentException().isThrownBy(CredentialsProviderChain::of)
                .withMessage("providers: must not be empty");
        assertThatNullPointerException().isThrownBy(() -> CredentialsProviderChain.of(
                new CountingProvider("a", FIRST), null));
    }

    @Test
    void providers_areInTheOrderGiven_andToStringListsThem() {
        CountingProvider a = new CountingProvider("a", FIRST);
        CountingProvider b = new CountingProvider("b", SECOND);

        CredentialsProviderChain chain = CredentialsProviderChain.of(List.of(a, b));

        assertThat(chain.providers()).containsExactly(a, b);
        assertThat(chain).hasToString("CredentialsProviderChain[a, b]");
    }
}
