package dev.cogsync.emulator;

import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.UpdateRecordsResponse;
import dev.cogsync.protocol.ListRecordsCodec;
import dev.cogsync.protocol.UpdateRecordsCodec;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One response as a client sees it.
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param body the body bytes
 */
record HttpResult(int status, HttpHeaders headers, byte[] body) {

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String errorType() {
        return header("x-amzn-ErrorType");
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    Map<String, Object> json() {
        return Json.object(text());
    }

    String message() {
        return (String) json().get("message");
    }

    ListRecordsResponse listRecords() {
        return ListRecordsCodec.decodeResponse(body, 0, body.length);
    }

    UpdateRecordsResponse updateRecords() {
        return UpdateRecordsCodec.decodeResponse(body, 0, body.length);
    }

    @Override
    public String toString() {
        return "HttpResult[" + status + " " + errorType() + " " + text() + "]";
    }
}
