package dev.cogsync.benchmarks.load;

import dev.cogsync.reactor.ClientStats;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a run did: the driver's counts, the client's counts over the run, and the time taken.
 *
 * @param options what the run was configured with
 * @param target what it sent to, for people
 * @param patchesSubmitted patches the writers started
 * @param patchesAcknowledged patches that ended with the service's acknowledgement
 * @param patchesFailed patches that ended with an error
 * @param failuresByError failed patches by service error code or client exception name, most frequent first
 * @param updateRecordsCalls UpdateRecords HTTP attempts, retries included (the client's count)
 * @param listRecordsCalls ListRecords HTTP attempts, retries included
 * @param retries attempts that retried a failed attempt
 * @param throttled responses that were throttling errors (HTTP 429)
 * @param duration from the first patch's submission to the last patch's end
 * @param latency percentiles of acknowledged patches, or {@code null} when none was acknowledged
 * @param interrupted whether the process was asked to stop (Ctrl-C, SIGTERM) before the budget was used
 */
record LoadSummary(LoadOptions options, String target, long patchesSubmitted, long patchesAcknowledged,
                   long patchesFailed, Map<String, Long> failuresByError, long updateRecordsCalls,
                   long listRecordsCalls, long retries, long throttled, Duration duration, LatencySummary latency,
                   boolean interrupted) {

    /** Copies the failures, keeping their order. */
    LoadSummary {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(duration, "duration");
        failuresByError = Collections.unmodifiableMap(new LinkedHashMap<>(failuresByError));
    }

    /**
     * Collects the summary of a finished run.
     *
     * @param options the run's options
     * @param target what it sent to
     * @param tally the driver's counts; its latencies are taken
     * @param before the client's counts when the run started
     * @param after the client's counts when every patch had ended
     * @param duration the run's duration
     * @param interrupted whether the process was asked to stop early
     * @return the summary
     */
    static LoadSummary of(LoadOptions options, String target, Tally tally, ClientStats before, ClientStats after,
                          Duration duration, boolean interrupted) {
        return new LoadSummary(options, target, tally.submittedCount(), tally.acknowledgedCount(),
                tally.failedCount(), tally.failuresByError(),
                after.updateRecordsCalls() - before.updateRecordsCalls(),
                after.listRecordsCalls() - before.listRecordsCalls(), after.retries() - before.retries(),
                after.throttledResponses() - before.throttledResponses(), duration,
                LatencySummary.of(tally.takeLatencies()), interrupted);
    }

    /** @return the duration in seconds */
    double durationSeconds() {
        return duration.toNanos() / 1e9;
    }

    /** @return acknowledged patches per second of the run */
    double patchesPerSecond() {
        double seconds = durationSeconds();
        return seconds > 0 ? patchesAcknowledged / seconds : 0;
    }

    /** @return acknowledged patches per UpdateRecords attempt, or {@code null} when none was made */
    Double patchesPerCall() {
        return updateRecordsCalls > 0 ? (double) patchesAcknowledged / updateRecordsCalls : null;
    }

    /** @return the command's exit status: {@link LoadCommand#EXIT_OK} when every patch was acknowledged */
    int exitStatus() {
        return patchesFailed == 0 && patchesAcknowledged == patchesSubmitted ? LoadCommand.EXIT_OK
                : LoadCommand.EXIT_FAILED;
    }
}
