package dev.cogsync.protocol;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/** A structural problem in a JSON document, located by byte offset; carries no document content. */
final class MalformedJsonException extends IOException {

    MalformedJsonException(String problem, JsonParser parser) {
        super(problem + " at byte offset " + parser.currentLocation().getByteOffset());
    }
}
