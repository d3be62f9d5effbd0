package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.FaultKind;

import java.time.Duration;

/**
 * The faults drawn for one request.
 *
 * @param failure what replaces the operation: {@link FaultKind#CONNECTION_CLOSED},
 *     {@link FaultKind#INTERNAL_ERROR}, {@link FaultKind#SERVICE_UNAVAILABLE}, or {@code null} to run it
 * @param delay latency to add before anything else, {@link Duration#ZERO} for none
 * @param dropAfterApplying whether a successful UpdateRecords is answered by closing the connection
 */
record FaultDecision(FaultKind failure, Duration delay, boolean dropAfterApplying) {

    static final FaultDecision NONE = new FaultDecision(null, Duration.ZERO, false);

    boolean delayed() {
        return !delay.isZero();
    }
}
