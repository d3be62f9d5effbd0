package dev.cogsync.emulator.internal;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * A request exactly as received: the method, the raw path and query split at the first {@code ?}, every header
 * and the body. Nothing is decoded, so SigV4 can be checked over what the client signed.
 *
 * @param method the HTTP method
 * @param rawPath the path as on the wire, still percent-encoded
 * @param rawQuery the query string as on the wire, without the {@code ?}; empty when there is none
 * @param headers the headers, in the order received
 * @param body the body, empty when there is none
 */
record ReceivedRequest(String method, String rawPath, String rawQuery, HttpHeaders headers, byte[] body) {

    /** Splits a raw request target; an absolute form ({@code http://host/path}) is reduced to its path. */
    static ReceivedRequest of(String method, String rawUri, HttpHeaders headers, byte[] body) {
        String target = rawUri;
        if (!target.startsWith("/")) {
            int scheme = target.indexOf("://");
            if (scheme > 0) {
                int slash = target.indexOf('/', scheme + 3);
                target = slash < 0 ? "/" : target.substring(slash);
            }
        }
        int question = target.indexOf('?');
        return question < 0
                ? new ReceivedRequest(method, target, "", headers, body)
                : new ReceivedRequest(method, target.substring(0, question), target.substring(question + 1),
                        headers, body);
    }
}
