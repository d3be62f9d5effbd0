package dev.cogsync.auth;

import java.util.concurrent.CompletionStage;

/**
 * Credentials per Cognito identity: each identity's requests are signed with that identity's own credentials, as
 * the mobile sync clients did with Cognito Identity, so that one client can act for many users (a server relaying
 * for its users, a load-testing harness playing thousands of them). Non-blocking, like
 * {@link CredentialsProvider}.
 */
@FunctionalInterface
public interface IdentityCredentialsProvider {

    /**
     * Resolves the credentials of one identity.
     *
     * @param identityId the Cognito identity id whose dataset the request is for
     * @return a stage completed with its credentials, or failed with a
     *     {@link dev.cogsync.exception.CredentialsException}
     */
    CompletionStage<AwsCredentials> resolveCredentials(String identityId);
}
