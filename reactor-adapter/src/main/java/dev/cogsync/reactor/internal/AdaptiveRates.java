package dev.cogsync.reactor.internal;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.retry.AdaptiveRateLimiter;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One client's adaptive send rates, one {@link AdaptiveRateLimiter} per identity: the writer's datasets and the
 * plain client's calls for the same identity share it, so both slow down together.
 *
 * <p>Why per identity: Cognito Sync answers {@code TooManyRequestsException} for an identity's requests (the
 * emulator throttles per identity, as the service's per-identity sync quotas suggest), and one user being throttled
 * must not slow every other user of a server. Limiters that are not limiting are dropped when there are more than
 * {@value #MAX_IDLE_LIMITERS}; datasets keep a reference to theirs, so dropping only loses sharing for newcomers.
 */
public final class AdaptiveRates {

    static final int MAX_IDLE_LIMITERS = 100_000;

    private final ConcurrentHashMap<String, AdaptiveRateLimiter> byIdentity = new ConcurrentHashMap<>();

    /**
     * The limiter of a dataset's identity, created on first use.
     *
     * @param dataset the dataset
     * @param nowNanos the current time, where the limiter's clock starts
     * @return the identity's limiter
     */
    public AdaptiveRateLimiter forIdentity(DatasetRef dataset, long nowNanos) {
        String key = dataset.identityPoolId() + '/' + dataset.identityId();
        AdaptiveRateLimiter limiter = byIdentity.get(key);
        if (limiter != null) {
            return limiter;
        }
        if (byIdentity.size() >= MAX_IDLE_LIMITERS) {
            byIdentity.values().removeIf(existing -> !existing.isLimiting());
        }
        return byIdentity.computeIfAbsent(key, k -> new AdaptiveRateLimiter(nowNanos));
    }

    /**
     * Identities whose rate is limited now.
     *
     * @return how many limiters are on
     */
    public int limiting() {
        int n = 0;
        for (AdaptiveRateLimiter limiter : byIdentity.values()) {
            if (limiter.isLimiting()) {
                n++;
            }
        }
        return n;
    }
}
