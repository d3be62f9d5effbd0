/**
 * The arithmetic of retries: which failures to retry ({@link dev.cogsync.retry.RetryPolicy}), how long to wait
 * (exponential backoff with full jitter, bounded server hints from {@link dev.cogsync.retry.RetryAfter}), and the
 * client-wide token bucket that stops retry storms ({@link dev.cogsync.retry.RetryQuota}).
 *
 * <p>Everything here is pure: no I/O, no clocks, no threads. Randomness and the current time are parameters, so
 * the reactive layer that waits and resends stays thin and these rules are tested on their own.
 */
package dev.cogsync.retry;
