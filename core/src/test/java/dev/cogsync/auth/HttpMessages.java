package dev.cogsync.auth;

import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.WireRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads and writes the test vectors' HTTP/1.1 request files, so tests can compare whole signed requests. */
final class HttpMessages {

    private HttpMessages() {
    }

    /**
     * Parses a request file: request line, header lines ({@code Name:value}, with or without a space, and
     * continuation lines starting with whitespace kept as {@code "\n" + line}), a blank line, the body. Lines
     * may end with LF or CRLF; the last line may have no line ending; a file without a blank line has no body.
     */
    static WireRequest parse(byte[] file) {
        List<String> lines = new ArrayList<>();
        int position = 0;
        int bodyStart = file.length;
        while (position < file.length) {
            int lineFeed = indexOf(file, (byte) '\n', position);
            int lineEnd = lineFeed < 0 ? file.length : lineFeed;
            int contentEnd = lineEnd > position && file[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            String line = new String(file, position, contentEnd - position, StandardCharsets.UTF_8);
            position = lineFeed < 0 ? file.length : lineFeed + 1;
            if (line.isEmpty()) {
                bodyStart = position;
                break;
            }
            lines.add(line);
        }
        String requestLine = lines.get(0);
        // The target may contain spaces ("/example space/"): the method ends at the first space, the version
        // starts after the last.
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(' '));
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);

        List<HttpHeader> headers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                HttpHeader previous = headers.remove(headers.size() - 1);
                headers.add(new HttpHeader(previous.name(), previous.value() + "\n" + line));
            } else {
                int colon = line.indexOf(':');
                headers.add(new HttpHeader(line.substring(0, colon), line.substring(colon + 1)));
            }
        }
        return new WireRequest(method, path, query, headers, Arrays.copyOfRange(file, bodyStart, file.length));
    }

    /** Prints a request the way the aws-c-auth suite prints signed requests: {@code Name:value}, LF endings. */
    static String print(WireRequest request) {
        StringBuilder out = new StringBuilder();
        out.append(request.method()).append(' ').append(request.pathAndQuery()).append(" HTTP/1.1\n");
        for (HttpHeader header : request.headers()) {
            out.append(header.name()).append(':').append(header.value()).append('\n');
        }
        out.append('\n').append(new String(request.body(), StandardCharsets.UTF_8));
        return out.toString();
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
