package dev.cogsync.reactor;

/**
 * A snapshot of a {@link CoalescingWriter}'s counters, cumulative since it was created, and its current queue
 * depths. Cheap to take; the counters are read one by one, so a snapshot taken under load is not atomic.
 *
 * @param patchesSubmitted writes accepted or refused, counted when offered
 * @param patchesWritten writes whose callers got a record
 * @param patchesFailed writes whose callers got an error (overloads and conflicts included)
 * @param patchesCancelled writes withdrawn because their caller cancelled before they were sent
 * @param updateRecordsCalls UpdateRecords requests sent, retries included
 * @param patchesSent patches in those requests, summed
 * @param listRecordsCalls ListRecords requests sent, for session tokens, sync counts and conflicts
 * @param retries requests retried after throttling or a transient failure
 * @param throttles responses that were throttling errors (HTTP 429)
 * @param conflicts conflict responses handled
 * @param lostResponsesRecovered writes whose response was lost, found applied and reported as written
 * @param overloads writes refused because the writer was full
 * @param patchesTimedOut writes that reached their deadline ({@link dev.cogsync.exception.WriteTimeoutException})
 * @param rateLimitedWaits requests delayed by an identity's adaptive send rate
 * @param datasetBoundReached writes refused because every active dataset was busy
 *     ({@link WriterOptions#maxActiveDatasets()})
 * @param pendingPatches writes queued or in flight now
 * @param pendingBytes their estimated bytes
 * @param waitingWrites writes held for room now
 * @param activeDatasets datasets whose state the writer holds now
 * @param requestsInFlight datasets with a request in flight now
 */
public record WriterStats(long patchesSubmitted, long patchesWritten, long patchesFailed, long patchesCancelled,
                          long updateRecordsCalls, long patchesSent, long listRecordsCalls, long retries,
                          long throttles, long conflicts, long lostResponsesRecovered, long overloads,
                          long patchesTimedOut, long rateLimitedWaits, long datasetBoundReached,
                          long pendingPatches, long pendingBytes, long waitingWrites, int activeDatasets,
                          int requestsInFlight) {

    /**
     * The mean number of patches per UpdateRecords request.
     *
     * @return patches sent per request, 0 before the first
     */
    public double patchesPerRequest() {
        return updateRecordsCalls == 0 ? 0 : (double) patchesSent / updateRecordsCalls;
    }
}
