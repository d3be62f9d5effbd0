package dev.cogsync.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cogsync.exception.MalformedResponseException;
import dev.cogsync.exception.ValidationException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The wire form of ListRecords, both ways: the client encodes requests and decodes responses; the emulator
 * decodes requests and encodes responses.
 *
 * <p>Requests are {@code GET /identitypools/{pool}/identities/{identity}/datasets/{name}/records} with no body,
 * and the query parameters {@code lastSyncCount}, {@code maxResults}, {@code nextToken} and
 * {@code syncSessionToken}, percent-encoded and written in that (sorted) order.
 */
public final class ListRecordsCodec {

    /** Query parameter for {@link ListRecordsRequest#lastSyncCount()}. */
    public static final String LAST_SYNC_COUNT = "lastSyncCount";
    /** Query parameter for {@link ListRecordsRequest#maxResults()}. */
    public static final String MAX_RESULTS = "maxResults";
    /** Query parameter for {@link ListRecordsRequest#nextToken()}. */
    public static final String NEXT_TOKEN = "nextToken";
    /** Query parameter for {@link ListRecordsRequest#syncSessionToken()}. */
    public static final String SYNC_SESSION_TOKEN = "syncSessionToken";

    private ListRecordsCodec() {
    }

    /**
     * Builds the HTTP request for a call. The transport adds {@code Host} and signs it.
     *
     * @param request the validated request
     * @return method, path and query
     */
    public static WireRequest encodeRequest(ListRecordsRequest request) {
        StringBuilder query = new StringBuilder();
        if (request.lastSyncCount() != null) {
            query.append(LAST_SYNC_COUNT).append('=').append(request.lastSyncCount().longValue());
        }
        if (request.maxResults() != null) {
            separate(query).append(MAX_RESULTS).append('=').append(request.maxResults().intValue());
        }
        if (request.nextToken() != null) {
            PercentEncoding.appendEncoded(separate(query).append(NEXT_TOKEN).append('='), request.nextToken());
        }
        if (request.syncSessionToken() != null) {
            PercentEncoding.appendEncoded(separate(query).append(SYNC_SESSION_TOKEN).append('='),
                    request.syncSessionToken());
        }
        return new WireRequest("GET", ResourcePaths.records(request.dataset()), query.toString(), List.of(), null);
    }

    private static StringBuilder separate(StringBuilder query) {
        return query.isEmpty() ? query : query.append('&');
    }

    /**
     * Reads a request from its decoded query parameters, as a server does.
     *
     * @param dataset the dataset named by the path
     * @param query the query parameters, already percent-decoded; unknown ones are ignored
     * @return the validated request
     * @throws ValidationException when a parameter is not a number where one is required, or breaks a rule
     */
    public static ListRecordsRequest decodeRequest(DatasetRef dataset, Map<String, String> query) {
        return new ListRecordsRequest(dataset,
                parseNumber(LAST_SYNC_COUNT, query.get(LAST_SYNC_COUNT)),
                toInt(parseNumber(MAX_RESULTS, query.get(MAX_RESULTS))),
                query.get(NEXT_TOKEN),
                query.get(SYNC_SESSION_TOKEN));
    }

    private static Long parseNumber(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be an integer, length " + text.length());
        }
    }

    private static Integer toInt(Long value) {
        if (value == null) {
            return null;
        }
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new ValidationException(MAX_RESULTS, "must be a 32-bit integer, was " + value);
        }
        return value.intValue();
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
    public static ListRecordsResponse decodeResponse(byte[] body, int offset, int length) {
        ListRecordsResponse.Builder response = ListRecordsResponse.builder();
        try (JsonParser parser = JsonFormat.FACTORY.createParser(body, offset, length)) {
            parser.nextToken();
            JsonFormat.expect(parser, JsonToken.START_OBJECT, "the ListRecords response");
            String field;
            while ((field = parser.nextFieldName()) != null) {
                parser.nextToken();
                switch (field) {
                    case "Records" -> response.records(RecordJson.readRecords(parser));
                    case "NextToken" -> response.nextToken(JsonFormat.readString(parser));
                    case "Count" -> response.count((int) JsonFormat.readLong(parser));
                    case "DatasetSyncCount" -> response.datasetSyncCount(JsonFormat.readLong(parser));
                    case "LastModifiedBy" -> response.lastModifiedBy(JsonFormat.readString(parser));
                    case "MergedDatasetNames" -> response.mergedDatasetNames(readStrings(parser));
                    case "DatasetExists" -> response.datasetExists(JsonFormat.readBoolean(parser));
                    case "DatasetDeletedAfterRequestedSyncCount" ->
                            response.datasetDeletedAfterRequestedSyncCount(JsonFormat.readBoolean(parser));
                    case "SyncSessionToken" -> response.syncSessionToken(JsonFormat.readString(parser));
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new MalformedResponseException("ListRecords response is not valid: " + e.getMessage(), 0);
        }
        return response.build();
    }

    private static List<String> readStrings(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        JsonFormat.expect(parser, JsonToken.START_ARRAY, "MergedDatasetNames");
        List<String> names = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            names.add(JsonFormat.readString(parser));
        }
        return names;
    }

    /**
     * Writes a response body, as a server does. Absent tokens and an empty merge list are left out.
     *
     * @param response the page
     * @return the compact JSON, UTF-8
     */
    public static byte[] encodeResponse(ListRecordsResponse response) {
        int sizeHint = 256;
        for (Record record : response.records()) {
            sizeHint += 128 + record.key().length() + (record.value() == null ? 0 : record.value().length());
        }
        return JsonFormat.write(sizeHint, generator -> {
            generator.writeStartObject();
            RecordJson.writeRecords(generator, response.records());
            if (response.nextToken() != null) {
                generator.writeStringField("NextToken", response.nextToken());
            }
            generator.writeNumberField("Count", response.count());
            generator.writeNumberField("DatasetSyncCount", response.datasetSyncCount());
            if (response.lastModifiedBy() != null) {
                generator.writeStringField("LastModifiedBy", response.lastModifiedBy());
            }
            if (!response.mergedDatasetNames().isEmpty()) {
                generator.writeArrayFieldStart("MergedDatasetNames");
                for (String name : response.mergedDatasetNames()) {
                    generator.writeString(name);
                }
                generator.writeEndArray();
            }
            generator.writeBooleanField("DatasetExists", response.datasetExists());
            generator.writeBooleanField("DatasetDeletedAfterRequestedSyncCount",
                    response.datasetDeletedAfterRequestedSyncCount());
            if (response.syncSessionToken() != null) {
                generator.writeStringField("SyncSessionToken", response.syncSessionToken());
            }
            generator.writeEndObject();
        });
    }
}
