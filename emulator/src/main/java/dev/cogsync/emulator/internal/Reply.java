package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.protocol.ErrorResponseCodec;

/**
 * What to answer one request with: a status, an error code for errors, and the JSON body; or, with
 * {@code close}, nothing at all but a closed connection.
 *
 * @param operation the operation, for the counters
 * @param status the HTTP status
 * @param errorCode the {@code x-amzn-ErrorType}, or {@code null} for a success
 * @param body the JSON body
 * @param close whether to close the connection instead of answering
 */
record Reply(ApiOperation operation, int status, String errorCode, byte[] body, boolean close) {

    static Reply ok(ApiOperation operation, byte[] body) {
        return new Reply(operation, 200, null, body, false);
    }

    static Reply error(ApiOperation operation, int status, String code, String message) {
        return new Reply(operation, status, code, ErrorResponseCodec.encodeBody(message), false);
    }

    static Reply error(ApiOperation operation, ServiceError error) {
        return error(operation, error.status(), error.code(), error.getMessage());
    }

    static Reply closeConnection(ApiOperation operation) {
        return new Reply(operation, 0, null, null, true);
    }
}
