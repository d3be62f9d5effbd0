package dev.cogsync.auth;

import dev.cogsync.exception.CredentialsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Tries providers in order and returns the credentials of the first that succeeds.
 *
 * <p><b>Remembering the winner.</b> The provider that succeeded is remembered, and later resolutions go to it
 * directly, so that a chain whose winner is late in the list does not pay for the failures before it on every
 * request. When the remembered provider fails, the chain forgets it and tries every provider again from the
 * first.
 *
 * <p><b>Threading.</b> The chain adds no threads: each provider is asked only after the previous one has
 * failed, and the chain continues on whichever thread completed that failure. A provider that throws instead
 * of returning a failed stage, or returns {@code null}, counts as failed.
 *
 * <p><b>Errors.</b> When every provider fails, the stage fails with one {@link CredentialsException}:
 * {@code Unable to load AWS credentials from any source: [<failure 1>, <failure 2>, ...]}, with each
 * provider's failure message in order. A failure that is not a {@code CredentialsException} is listed by its
 * provider and exception type only, because its message is not known to be free of secrets; every failure is
 * attached as a suppressed exception.
 */
public final class CredentialsProviderChain implements CredentialsProvider {

    private final List<CredentialsProvider> providers;
    /** The provider that succeeded last, or {@code null}: a hint, so a race between resolutions is harmless. */
    private volatile CredentialsProvider winner;

    private CredentialsProviderChain(List<? extends CredentialsProvider> providers) {
        this.providers = List.copyOf(providers);
        if (this.providers.isEmpty()) {
            throw new IllegalArgumentException("providers: must not be empty");
        }
    }

    /**
     * Creates a chain of these providers, tried in this order.
     *
     * @param providers the providers, at least one
     * @return the chain
     * @throws NullPointerException when a provider is {@code null}
     * @throws IllegalArgumentException when there is no provider
     */
    public static CredentialsProviderChain of(CredentialsProvider... providers) {
        return new CredentialsProviderChain(Arrays.asList(providers));
    }

    /**
     * Creates a chain of these providers, tried in list order.
     *
     * @param providers the providers, at least one; copied
     * @return the chain
     * @throws NullPointerException when a provider is {@code null}
     * @throws IllegalArgumentException when there is no provider
     */
    public static CredentialsProviderChain of(List<? extends CredentialsProvider> providers) {
        return new CredentialsProviderChain(providers);
    }

    /**
     * The providers, in the order they are tried.
     *
     * @return an unmodifiable list
     */
    public List<CredentialsProvider> providers() {
        return providers;
    }

    /**
     * Resolves credentials from the remembered provider, or from the first provider that succeeds.
     *
     * @return a stage completed with the first credentials found, or failed with a {@link CredentialsException}
     *     that lists every failure
     */
    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        CredentialsProvider remembered = winner;
        CompletionStage<AwsCredentials> resolution = remembered == null
                ? tryFrom(0, new ArrayList<>())
                : attempt(remembered).exceptionallyCompose(failure -> {
                    winner = null;
                    return tryFrom(0, new ArrayList<>());
                });
        // Composed stages relay a failure wrapped in a CompletionException; callers get the exception itself.
        CompletableFuture<AwsCredentials> result = new CompletableFuture<>();
        resolution.whenComplete((credentials, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
            } else {
                result.complete(credentials);
            }
        });
        return result;
    }

    private CompletionStage<AwsCredentials> tryFrom(int index, List<Throwable> failures) {
        if (index == providers.size()) {
            return CompletableFuture.failedFuture(aggregate(failures));
        }
        CredentialsProvider provider = providers.get(index);
        return attempt(provider)
                .thenApply(credentials -> {
                    winner = provider;
                    return credentials;
                })
                .exceptionallyCompose(failure -> {
                    // The stages run one after another, each after the previous completed: the list is not shared.
                    failures.add(describe(provider, unwrap(failure)));
                    return tryFrom(index + 1, failures);
                });
    }

    private static CompletionStage<AwsCredentials> attempt(CredentialsProvider provider) {
        CompletionStage<AwsCredentials> stage;
        try {
            stage = provider.resolveCredentials();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (stage == null) {
            return CompletableFuture.failedFuture(new NullPointerException(provider + " returned no stage"));
        }
        return stage;
    }

    /** Keeps a provider's own credentials failure as is; labels anything else with the provider and type. */
    private static Throwable describe(CredentialsProvider provider, Throwable failure) {
        if (failure instanceof CredentialsException) {
            return failure;
        }
        return new CredentialsException(provider + ": failed with " + failure.getClass().getName(), failure);
    }

    private static CredentialsException aggregate(List<Throwable> failures) {
        List<String> reasons = new ArrayList<>(failures.size());
        for (Throwable failure : failures) {
            reasons.add(failure.getMessage());
        }
        CredentialsException exception = new CredentialsException(
                "Unable to load AWS credentials from any source: " + reasons);
        failures.forEach(exception::addSuppressed);
        return exception;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** Lists the providers; each provider's own {@code toString} keeps secrets out. */
    @Override
    public String toString() {
        return "CredentialsProviderChain" + providers;
    }
}
