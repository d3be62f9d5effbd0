package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.model.DatasetRef;

/**
 * A request past authentication, routing and throttling, with the faults drawn for it; or the answer that
 * stopped it on the way.
 *
 * @param reply the answer when the request stops here, otherwise {@code null}
 * @param operation the operation
 * @param dataset the dataset the path names (a placeholder name for ListDatasets)
 * @param faults the faults drawn
 * @param request the request
 */
record Admission(Reply reply, ApiOperation operation, DatasetRef dataset, FaultDecision faults,
                 ReceivedRequest request) {

    static Admission stop(Reply reply) {
        return new Admission(reply, reply.operation(), null, FaultDecision.NONE, null);
    }
}
