package dev.cogsync.auth;

import java.util.Optional;

/**
 * A source of the AWS region a client talks to when none is configured explicitly.
 *
 * <p>Unlike credentials, the region is resolved once, when a client is built, so resolution is synchronous
 * and may read local files. Call it while building a client, not on an event loop.
 * {@link DefaultRegionProvider} is the usual chain.
 */
@FunctionalInterface
public interface AwsRegionProvider {

    /**
     * Resolves the region.
     *
     * @return the region name, for example {@code us-east-1}; empty when this source has none
     * @throws dev.cogsync.exception.CognitoSyncClientException when a source is present but broken, for
     *     example a malformed config file
     */
    Optional<String> resolveRegion();
}
