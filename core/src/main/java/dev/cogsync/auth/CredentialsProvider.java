package dev.cogsync.auth;

import java.util.concurrent.CompletionStage;

/**
 * A source of {@link AwsCredentials}.
 *
 * <p>Resolution is asynchronous so that it never blocks an event loop: a provider that must read a file or
 * call a service does that work off the caller's thread, and a provider that already holds credentials
 * returns a completed stage. Callers resolve credentials for every request and must not cache them
 * themselves; providers cache where that is right.
 *
 * <p>A failed stage carries a {@link dev.cogsync.exception.CredentialsException} whose message says what was
 * tried, and never contains a secret.
 */
@FunctionalInterface
public interface CredentialsProvider {

    /**
     * Resolves the current credentials.
     *
     * @return a stage completed with credentials, or failed with a
     *     {@link dev.cogsync.exception.CredentialsException}
     */
    CompletionStage<AwsCredentials> resolveCredentials();
}
