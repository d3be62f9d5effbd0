package dev.cogsync.emulator;

/** Which requests injected faults may hit. */
public enum FaultScope {

    /**
     * Every routed request: errors, latency and closed connections hit every operation; applied-then-dropped
     * only ever hits UpdateRecords.
     */
    ALL_OPERATIONS,
    /** Only UpdateRecords; the other operations are never faulted and draw nothing from the fault sequence. */
    UPDATE_RECORDS_ONLY
}
