package dev.cogsync.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP request exactly as it is sent: method, path, query string, headers and body. Built by
 * the codecs ({@link UpdateRecordsCodec}, {@link ListRecordsCodec}, {@link DatasetsCodec}), completed by the transport (host, user agent) and signed by
 * {@link dev.cogsync.auth.SigV4Signer}.
 *
 * <p>The body array is owned by this request and must not be modified after construction; it is not
 * copied, because request bodies are large and sit on the hot path.
 *
 * @param method the HTTP method, upper case
 * @param path the path as sent on the wire: starts with {@code /}, labels already percent-encoded
 * @param query the query string as sent on the wire, without the leading {@code ?}; empty when there is none
 * @param headers the headers in the order they are sent
 * @param body the body bytes; empty when there is none
 */
public record WireRequest(String method, String path, String query, List<HttpHeader> headers, byte[] body) {

    private static final byte[] NO_BODY = new byte[0];

    /**
     * Requires every part and copies the header list.
     *
     * @param method the HTTP method, upper case
     * @param path the path as sent on the wire: starts with {@code /}, labels already percent-encoded
     * @param query the query string as sent on the wire, without the leading {@code ?}; empty when there is none
     * @param headers the headers in the order they are sent
     * @param body the body bytes; empty when there is none
     */
    public WireRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        headers = List.copyOf(headers);
        body = body == null ? NO_BODY : body;
    }

    /**
     * The path and the query string together, as on the request line.
     *
     * @return {@code path} or {@code path?query}
     */
    public String pathAndQuery() {
        return query.isEmpty() ? path : path + '?' + query;
    }

    /**
     * The first value of a header, compared case-insensitively.
     *
     * @param name the header name
     * @return the value, or {@code null} when the header is absent
     */
    public String header(String name) {
        for (HttpHeader header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    /**
     * A copy of this request with headers appended.
     *
     * @param extra the headers to append, in order
     * @return the new request; this one is unchanged
     */
    public WireRequest withHeaders(List<HttpHeader> extra) {
        List<HttpHeader> all = new ArrayList<>(headers.size() + extra.size());
        all.addAll(headers);
        all.addAll(extra);
        return new WireRequest(method, path, query, all, body);
    }

    /**
     * A copy of this request without any header of the given name, compared case-insensitively.
     *
     * @param name the header name to remove
     * @return the new request; this one is unchanged
     */
    public WireRequest withoutHeader(String name) {
        List<HttpHeader> kept = new ArrayList<>(headers.size());
        for (HttpHeader header : headers) {
            if (!header.name().equalsIgnoreCase(name)) {
                kept.add(header);
            }
        }
        return new WireRequest(method, path, query, kept, body);
    }

    /** Names the method, path and body size; the body itself may hold personal data and is not shown. */
    @Override
    public String toString() {
        return "WireRequest[" + method + " " + path + (query.isEmpty() ? "" : "?…") + ", headers="
                + headers.size() + ", body=" + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WireRequest that
                && method.equals(that.method)
                && path.equals(that.path)
                && query.equals(that.query)
                && headers.equals(that.headers)
                && java.util.Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, headers, java.util.Arrays.hashCode(body));
    }
}
