package dev.cogsync.batch;

import java.util.HashSet;
import java.util.Set;

/**
 * Decides what goes into a dataset's next UpdateRecords request.
 *
 * <p>The request is the longest prefix of the dataset's FIFO queue that:
 * <ul>
 *   <li>names no key twice (the service's behaviour for that is undefined; the later write waits for the next
 *       request, which keeps writes to one key in order);
 *   <li>has at most {@link BatchLimits#maxPatches()} patches, and at most {@link BatchLimits#maxBytes()}
 *       estimated bytes including {@link PatchSize#REQUEST_OVERHEAD};
 * </ul>
 * and it always holds at least the queue's head, even when that alone is over the byte cap. Taking a prefix
 * keeps every dataset's writes in submission order.
 */
public final class BatchPlanner {

    private BatchPlanner() {
    }

    /**
     * Plans the next request.
     *
     * @param queue the dataset's queued writes, oldest first
     * @param limits the caps
     * @return how many writes from the head of the queue go into the request; 0 only for an empty queue
     */
    public static int plan(Iterable<? extends Batchable> queue, BatchLimits limits) {
        int count = 0;
        long bytes = PatchSize.REQUEST_OVERHEAD;
        Set<String> keys = null;
        for (Batchable write : queue) {
            if (count == limits.maxPatches()) {
                break;
            }
            bytes += write.estimatedBytes();
            if (count > 0 && bytes > limits.maxBytes()) {
                break;
            }
            if (keys == null) {
                keys = new HashSet<>();
            }
            if (!keys.add(write.key())) {
                break;
            }
            count++;
        }
        return count;
    }
}
