package dev.cogsync.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.cogsync.exception.MalformedResponseException;
import dev.cogsync.exception.ValidationException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Operation;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of UpdateRecords, both ways: the client encodes requests and decodes responses; the emulator
 * decodes requests and encodes responses.
 *
 * <p>Requests are {@code POST /identitypools/{pool}/identities/{identity}/datasets/{name}} with
 * {@code Content-Type: application/json}, the optional {@code x-amz-Client-Context} header, and a compact JSON
 * body whose members are written in a fixed order:
 * {@code {"DeviceId":..,"RecordPatches":[{"Op":..,"Key":..,"Value":..,"SyncCount":..,"DeviceLastModifiedDate":..}],"SyncSessionToken":..}}.
 * Timestamps are epoch seconds, with a fraction only when there is one.
 */
public final class UpdateRecordsCodec {

    /** The header that carries {@link UpdateRecordsRequest#clientContext()}. */
    public static final String CLIENT_CONTEXT_HEADER = "x-amz-Client-Context";

    private static final HttpHeader JSON_CONTENT_TYPE = new HttpHeader("Content-Type", "application/json");
    // Member names and operations, encoded once: written for every patch of every request.
    private static final SerializedString OP = new SerializedString("Op");
    private static final SerializedString KEY = new SerializedString("Key");
    private static final SerializedString VALUE = new SerializedString("Value");
    private static final SerializedString SYNC_COUNT = new SerializedString("SyncCount");
    private static final SerializedString REPLACE = new SerializedString(Operation.REPLACE.wireName());
    private static final SerializedString REMOVE = new SerializedString(Operation.REMOVE.wireName());

    private UpdateRecordsCodec() {
    }

    /**
     * Builds the HTTP request for a call. The transport adds {@code Host} and signs it.
     *
     * @param request the validated request
     * @return method, path, headers and body
     */
    public static WireRequest encodeRequest(UpdateRecordsRequest request) {
        List<HttpHeader> headers = request.clientContext() == null
                ? List.of(JSON_CONTENT_TYPE)
                : List.of(JSON_CONTENT_TYPE, new HttpHeader(CLIENT_CONTEXT_HEADER, request.clientContext()));
        return new WireRequest("POST", ResourcePaths.dataset(request.dataset()), "", headers, encodeBody(request));
    }

    /**
     * The JSON body of a request.
     *
     * @param request the validated request
     * @return the compact JSON, UTF-8
     */
    public static byte[] encodeBody(UpdateRecordsRequest request) {
        List<RecordPatch> patches = request.recordPatches();
        int sizeHint = 64 + request.syncSessionToken().length();
        for (RecordPatch patch : patches) {
            sizeHint += 64 + patch.key().length() + (patch.value() == null ? 0 : patch.value().length());
        }
        return JsonFormat.write(sizeHint, generator -> {
            generator.writeStartObject();
            if (request.deviceId() != null) {
                generator.writeStringField("DeviceId", request.deviceId());
            }
            generator.writeArrayFieldStart("RecordPatches");
            for (RecordPatch patch : patches) {
                writePatch(generator, patch);
            }
            generator.writeEndArray();
            generator.writeStringField("SyncSessionToken", request.syncSessionToken());
            generator.writeEndObject();
        });
    }

    private static void writePatch(JsonGenerator generator, RecordPatch patch) throws IOException {
        generator.writeStartObject();
        generator.writeFieldName(OP);
        generator.writeString(patch.isRemove() ? REMOVE : REPLACE);
        generator.writeFieldName(KEY);
        generator.writeString(patch.key());
        if (patch.value() != null) {
            generator.writeFieldName(VALUE);
            generator.writeString(patch.value());
        }
        generator.writeFieldName(SYNC_COUNT);
        generator.writeNumber(patch.syncCount());
        JsonFormat.writeEpochSeconds(generator, "DeviceLastModifiedDate", patch.deviceLastModifiedDate());
        generator.writeEndObject();
    }

    /**
     * Reads a response body.
     *
     * @param body the buffer
     * @param offset where the body starts
     * @param length the body's length
     * @return the response
     * @throws MalformedResponseException when the body is not the expected JSON; its {@code attempts()} is 0,
     *     for the transport to restate
     */
    public static UpdateRecordsResponse decodeResponse(byte[] body, int offset, int length) {
        return decodeResponse(body, offset, length, null);
    }

    /**
     * Reads a response body, reusing the request's own key and value strings where the response repeats them
     * (it lists the written records in request order), so that a response allocates little beyond its records.
     *
     * @param body the buffer
     * @param offset where the body starts
     * @param length the body's length
     * @param sent the request's patches, in order, or {@code null}
     * @return the response; equal to what {@link #decodeResponse(byte[], int, int)} returns
     * @throws MalformedResponseException when the body is not the expected JSON; its {@code attempts()} is 0,
     *     for the transport to restate
     */
    public static UpdateRecordsResponse decodeResponse(byte[] body, int offset, int length, List<RecordPatch> sent) {
        try (JsonParser parser = JsonFormat.FACTORY.createParser(body, offset, length)) {
            parser.nextToken();
            JsonFormat.expect(parser, JsonToken.START_OBJECT, "the UpdateRecords response");
            List<Record> records = List.of();
            String field;
            while ((field = parser.nextFieldName()) != null) {
                parser.nextToken();
                if (field.equals("Records")) {
                    records = RecordJson.readRecords(parser, sent);
                } else {
                    parser.skipChildren();
                }
            }
            return new UpdateRecordsResponse(records);
        } catch (IOException e) {
            throw new MalformedResponseException("UpdateRecords response is not valid: " + e.getMessage(), 0);
        }
    }

    /**
     * Reads a request body, as a server does. Lenient where the service is: unknown members are ignored, and a
     * value sent with a {@code remove} is dropped. Strict where the service's behaviour is unknown (the emulator's
     * choice): the body must be valid UTF-8 and exactly one JSON document, and no object may name a member twice.
     *
     * @param dataset the dataset named by the path
     * @param clientContext the {@code x-amz-Client-Context} header, or {@code null}
     * @param body the buffer
     * @param offset where the body starts
     * @param length the body's length
     * @return the validated request
     * @throws ValidationException when the body is not JSON of the right shape, or breaks a constraint; the
     *     field names the member, for example {@code recordPatches[2].syncCount}
     */
    public static UpdateRecordsRequest decodeRequest(DatasetRef dataset, String clientContext, byte[] body,
                                                     int offset, int length) {
        String deviceId = null;
        String token = null;
        List<RecordPatch> patches = new ArrayList<>();
        if (!JsonFormat.isValidUtf8(body, offset, length)) {
            throw new ValidationException("body", "must be valid UTF-8");
        }
        try (JsonParser parser = JsonFormat.STRICT_FACTORY.createParser(body, offset, length)) {
            parser.nextToken();
            JsonFormat.expect(parser, JsonToken.START_OBJECT, "the request body");
            String field;
            while ((field = parser.nextFieldName()) != null) {
                parser.nextToken();
                switch (field) {
                    case "DeviceId" -> deviceId = JsonFormat.readString(parser);
                    case "SyncSessionToken" -> token = JsonFormat.readString(parser);
                    case "RecordPatches" -> readPatches(parser, patches);
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new ValidationException("body", "must be exactly one JSON document; content follows it");
            }
        } catch (IOException e) {
            throw new ValidationException("body", "must be a JSON UpdateRecords request: " + e.getMessage());
        }
        return new UpdateRecordsRequest(dataset, patches, token, deviceId, clientContext);
    }

    private static void readPatches(JsonParser parser, List<RecordPatch> patches) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        JsonFormat.expect(parser, JsonToken.START_ARRAY, "RecordPatches");
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            patches.add(readPatch(parser, patches.size()));
        }
    }

    private static RecordPatch readPatch(JsonParser parser, int index) throws IOException {
        JsonFormat.expect(parser, JsonToken.START_OBJECT, "a record patch");
        String op = null;
        String key = null;
        String value = null;
        Long syncCount = null;
        Instant deviceLastModifiedDate = null;
        String field;
        while ((field = parser.nextFieldName()) != null) {
            parser.nextToken();
            switch (field) {
                case "Op" -> op = JsonFormat.readString(parser);
                case "Key" -> key = JsonFormat.readString(parser);
                case "Value" -> value = JsonFormat.readString(parser);
                case "SyncCount" -> syncCount = parser.currentToken() == JsonToken.VALUE_NULL
                        ? null : JsonFormat.readLong(parser);
                case "DeviceLastModifiedDate" -> deviceLastModifiedDate = JsonFormat.readEpochSeconds(parser);
                default -> parser.skipChildren();
            }
        }
        Operation operation = Operation.fromWireName(op);
        if (operation == null) {
            throw new ValidationException(field(index, "op"), op == null ? "is required" : "must be replace or remove");
        }
        if (syncCount == null) {
            throw new ValidationException(field(index, "syncCount"), "is required");
        }
        try {
            return new RecordPatch(operation, key, operation == Operation.REMOVE ? null : value, syncCount,
                    deviceLastModifiedDate);
        } catch (ValidationException e) {
            throw new ValidationException(field(index, e.field().substring(e.field().indexOf('.') + 1)), e.rule());
        }
    }

    private static String field(int index, String member) {
        return "recordPatches[" + index + "]." + member;
    }

    /**
     * Writes a response body, as a server does.
     *
     * @param response the records written
     * @return the compact JSON, UTF-8
     */
    public static byte[] encodeResponse(UpdateRecordsResponse response) {
        int sizeHint = 32;
        for (Record record : response.records()) {
            sizeHint += 128 + record.key().length() + (record.value() == null ? 0 : record.value().length());
        }
        return JsonFormat.write(sizeHint, generator -> {
            generator.writeStartObject();
            RecordJson.writeRecords(generator, response.records());
            generator.writeEndObject();
        });
    }
}
