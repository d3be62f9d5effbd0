package dev.cogsync.emulator;

import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.WireRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Sends one HTTP/1.1 request over a plain socket and returns every byte the server wrote until it closed. */
final class RawHttp {

    private RawHttp() {
    }

    static byte[] exchange(URI endpoint, WireRequest request) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder()
                    .append(request.method()).append(' ').append(request.pathAndQuery()).append(" HTTP/1.1\r\n");
            for (HttpHeader header : request.headers()) {
                head.append(header.name()).append(": ").append(header.value()).append("\r\n");
            }
            head.append("Content-Length: ").append(request.body().length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(request.body());
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                received.write(buffer, 0, read);
                if (hasCompleteResponse(received)) {
                    break;
                }
            }
            return received.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A complete response (headers and the Content-Length body): the server keeps the connection open after it. */
    private static boolean hasCompleteResponse(ByteArrayOutputStream received) {
        String text = received.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        if (at < 0 || at > end) {
            return true;
        }
        int lineEnd = text.indexOf("\r\n", at);
        int length = Integer.parseInt(text.substring(at + "content-length:".length(), lineEnd).trim());
        return text.length() >= end + 4 + length;
    }
}
