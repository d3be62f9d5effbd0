package dev.cogsync.auth.internal;

import dev.cogsync.protocol.PercentEncoding;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical URI of a non-S3 request: the wire path, optionally normalised, then percent-encoded once
 * more, so {@code %3A} on the wire becomes {@code %253A}. Services other than S3 sign it this way.
 */
final class CanonicalPath {

    private CanonicalPath() {
    }

    /**
     * Appends the canonical URI of a wire path.
     *
     * @param out where to append
     * @param path the path as on the wire
     * @param normalize whether to remove {@code .} and {@code ..} segments and collapse repeated slashes
     */
    static void append(StringBuilder out, String path, boolean normalize) {
        String canonical = normalize && needsNormalizing(path) ? normalize(path) : path;
        if (canonical.isEmpty() || canonical.charAt(0) != '/') {
            out.append('/');
        }
        if (isBare(canonical)) {
            out.append(canonical);
        } else {
            PercentEncoding.appendEncoded(out, canonical, 0, canonical.length(), true);
        }
    }

    /** Whether the path has an empty, {@code .} or {@code ..} segment, or does not start with a slash. */
    static boolean needsNormalizing(String path) {
        int length = path.length();
        if (length == 0 || path.charAt(0) != '/') {
            return true;
        }
        int segmentStart = 1;
        for (int i = 1; i <= length; i++) {
            if (i == length || path.charAt(i) == '/') {
                int segmentLength = i - segmentStart;
                // An empty segment before the end is "//"; the empty one after a final "/" is a trailing slash.
                if (segmentLength == 0 && i < length
                        || segmentLength == 1 && path.charAt(segmentStart) == '.'
                        || segmentLength == 2 && path.charAt(segmentStart) == '.'
                                && path.charAt(segmentStart + 1) == '.') {
                    return true;
                }
                segmentStart = i + 1;
            }
        }
        return false;
    }

    /**
     * Removes {@code .} and empty segments and resolves {@code ..}, as RFC 3986 section 5.2.4 does, plus the
     * collapsing of repeated slashes that SigV4 adds. A trailing slash is kept, and a path ending in
     * {@code .} or {@code ..} ends in a slash, as in the RFC; a path that resolves to nothing is {@code /}.
     */
    static String normalize(String path) {
        List<String> kept = new ArrayList<>();
        boolean trailingSlash = false;
        int length = path.length();
        int segmentStart = 0;
        for (int i = 0; i <= length; i++) {
            if (i < length && path.charAt(i) != '/') {
                continue;
            }
            String segment = path.substring(segmentStart, i);
            segmentStart = i + 1;
            if (segment.isEmpty() || segment.equals(".")) {
                trailingSlash = true;
            } else if (segment.equals("..")) {
                if (!kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
                trailingSlash = true;
            } else {
                kept.add(segment);
                trailingSlash = false;
            }
        }
        if (kept.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(length + 1);
        for (String segment : kept) {
            out.append('/').append(segment);
        }
        if (trailingSlash) {
            out.append('/');
        }
        return out.toString();
    }

    private static boolean isBare(String path) {
        for (int i = 0, length = path.length(); i < length; i++) {
            char c = path.charAt(i);
            if (c != '/' && !PercentEncoding.isUnreserved(c)) {
                return false;
            }
        }
        return true;
    }
}
