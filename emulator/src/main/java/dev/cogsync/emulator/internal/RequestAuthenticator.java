package dev.cogsync.emulator.internal;

/** Decides whether a request may be served: SigV4 verification, or nothing when it is turned off. */
interface RequestAuthenticator {

    /** Accepts every request. */
    RequestAuthenticator NONE = request -> null;

    /**
     * Checks a request as received.
     *
     * @param request the request
     * @return {@code null} when it may proceed, otherwise the 403 to answer
     */
    ServiceError authenticate(ReceivedRequest request);
}
