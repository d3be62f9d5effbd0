package dev.cogsync.reactor;

/**
 * A snapshot of a {@link CognitoSyncClient}'s counters, cumulative since it was created. HTTP attempts are
 * counted, so a retried call counts once per attempt. Cheap; read one counter at a time, so not atomic under
 * load.
 *
 * @param updateRecordsCalls UpdateRecords attempts sent, including those of a {@link CoalescingWriter} on this
 *     client
 * @param listRecordsCalls ListRecords attempts sent
 * @param retries attempts that were retries of a failed attempt
 * @param throttledResponses responses that were throttling errors (HTTP 429)
 * @param failedAttempts attempts that ended in an error of any kind
 * @param credentialsRefreshes times the client's own credentials were replaced by new ones (an identity's, from
 *     {@link ClientOptions#identityCredentialsProvider()}, are not counted)
 * @param credentialsFailures calls not sent because credentials could not be resolved
 */
public record ClientStats(long updateRecordsCalls, long listRecordsCalls, long retries, long throttledResponses,
                          long failedAttempts, long credentialsRefreshes, long credentialsFailures) {
}
