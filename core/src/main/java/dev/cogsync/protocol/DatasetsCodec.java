package dev.cogsync.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.cogsync.exception.MalformedResponseException;
import dev.cogsync.model.Dataset;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.IdentityUsage;
import dev.cogsync.model.ListDatasetsRequest;
import dev.cogsync.model.ListDatasetsResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of the dataset operations, both ways (the client encodes requests and decodes answers; the
 * emulator encodes answers): DescribeDataset ({@code GET} the dataset), DeleteDataset ({@code DELETE} it), both
 * answered {@code {"Dataset":{...}}}; ListDatasets ({@code GET .../datasets?maxResults&nextToken}), answered
 * {@code {"Count":n,"Datasets":[...],"NextToken":...}}; DescribeIdentityUsage ({@code GET} the identity), answered
 * {@code {"IdentityUsage":{...}}}. Dates are epoch seconds, with a fraction when there is one.
 */
public final class DatasetsCodec {

    private DatasetsCodec() {
    }

    /**
     * A DescribeDataset request.
     *
     * @param dataset the dataset
     * @return the request, without body
     */
    public static WireRequest describeRequest(DatasetRef dataset) {
        return new WireRequest("GET", ResourcePaths.dataset(dataset), "", List.of(), null);
    }

    /**
     * A DeleteDataset request.
     *
     * @param dataset the dataset
     * @return the request, without body
     */
    public static WireRequest deleteRequest(DatasetRef dataset) {
        return new WireRequest("DELETE", ResourcePaths.dataset(dataset), "", List.of(), null);
    }

    /**
     * A ListDatasets request.
     *
     * @param request the page to read
     * @return the request, without body
     */
    public static WireRequest listRequest(ListDatasetsRequest request) {
        StringBuilder query = new StringBuilder();
        if (request.maxResults() != null) {
            query.append("maxResults=").append(request.maxResults().intValue());
        }
        if (request.nextToken() != null) {
            PercentEncoding.appendEncoded(query.append(query.length() == 0 ? "" : "&").append("nextToken="),
                    request.nextToken());
        }
        return new WireRequest("GET", ResourcePaths.datasets(request.identityPoolId(), request.identityId()),
                query.toString(), List.of(), null);
    }

    /**
     * A DescribeIdentityUsage request.
     *
     * @param identityPoolId the pool
     * @param identityId the identity
     * @return the request, without body
     */
    public static WireRequest identityUsageRequest(String identityPoolId, String identityId) {
        return new WireRequest("GET", ResourcePaths.identity(identityPoolId, identityId), "", List.of(), null);
    }

    /**
     * Reads the {@code Dataset} of a DescribeDataset or DeleteDataset answer.
     *
     * @param body the answer
     * @return the dataset
     * @throws MalformedResponseException when the answer is not one
     */
    public static Dataset decodeDataset(byte[] body) {
        try (JsonParser parser = JsonFormat.FACTORY.createParser(body)) {
            expectObject(parser);
            Dataset dataset = null;
            String field;
            while ((field = parser.nextFieldName()) != null) {
                parser.nextToken();
                if (field.equals("Dataset")) {
                    dataset = readDataset(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (dataset == null) {
                throw new MalformedResponseException("the answer has no Dataset", 0);
            }
            return dataset;
        } catch (IOException e) {
            throw new MalformedResponseException("the answer is not JSON of a Dataset", 0);
        }
    }

    /**
     * Reads a ListDatasets answer.
     *
     * @param body the answer
     * @return the page
     * @throws MalformedResponseException when the answer is not one
     */
    public static ListDatasetsResponse decodeList(byte[] body) {
        try (JsonParser parser = JsonFormat.FACTORY.createParser(body)) {
            expectObject(parser);
            List<Dataset> datasets = new ArrayList<>();
            int count = -1;
            String next = null;
            String field;
            while ((field = parser.nextFieldName()) != null) {
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "Datasets" -> {
                        if (value == JsonToken.START_ARRAY) {
                            while (parser.nextToken() != JsonToken.END_ARRAY) {
                                datasets.add(readDataset(parser));
                            }
                        }
                    }
                    case "Count" -> count = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : -1;
                    case "NextToken" -> next = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    default -> parser.skipChildren();
                }
            }
            return new ListDatasetsResponse(datasets, count < 0 ? datasets.size() : count, next);
        } catch (IOException e) {
            throw new MalformedResponseException("the answer is not JSON of a ListDatasets page", 0);
        }
    }

    /**
     * Reads a DescribeIdentityUsage answer.
     *
     * @param body the answer
     * @return the usage
     * @throws MalformedResponseException when the answer is not one
     */
    public static IdentityUsage decodeIdentityUsage(byte[] body) {
        try (JsonParser parser = JsonFormat.FACTORY.createParser(body)) {
            expectObject(parser);
            String pool = null;
            String identity = null;
            long datasets = 0;
            long storage = 0;
            Instant modified = null;
            String field;
            while ((field = parser.nextFieldName()) != null) {
                parser.nextToken();
                if (!field.equals("IdentityUsage")) {
                    parser.skipChildren();
                    continue;
                }
                String member;
                while ((member = parser.nextFieldName()) != null) {
                    JsonToken value = parser.nextToken();
                    switch (member) {
                        case "IdentityPoolId" -> pool = parser.getValueAsString();
                        case "IdentityId" -> identity = parser.getValueAsString();
                        case "DatasetCount" -> datasets = parser.getValueAsLong();
                        case "DataStorage" -> storage = parser.getValueAsLong();
                        case "LastModifiedDate" -> modified = date(parser, value);
                        default -> parser.skipChildren();
                    }
                }
            }
            if (pool == null || identity == null) {
                throw new MalformedResponseException("the answer has no IdentityUsage", 0);
            }
            return new IdentityUsage(pool, identity, datasets, storage, modified);
        } catch (IOException e) {
            throw new MalformedResponseException("the answer is not JSON of an IdentityUsage", 0);
        }
    }

    /**
     * The answer to DescribeDataset or DeleteDataset.
     *
     * @param dataset the dataset
     * @return the JSON
     */
    public static byte[] encodeDataset(Dataset dataset) {
        return write(g -> {
            g.writeFieldName("Dataset");
            writeDataset(g, dataset);
        });
    }

    /**
     * The answer to ListDatasets.
     *
     * @param page the page
     * @return the JSON
     */
    public static byte[] encodeList(ListDatasetsResponse page) {
        return write(g -> {
            g.writeNumberField("Count", page.count());
            g.writeArrayFieldStart("Datasets");
            for (Dataset dataset : page.datasets()) {
                writeDataset(g, dataset);
            }
            g.writeEndArray();
            if (page.nextToken() != null) {
                g.writeStringField("NextToken", page.nextToken());
            }
        });
    }

    /**
     * The answer to DescribeIdentityUsage.
     *
     * @param usage the usage
     * @return the JSON
     */
    public static byte[] encodeIdentityUsage(IdentityUsage usage) {
        return write(g -> {
            g.writeObjectFieldStart("IdentityUsage");
            g.writeStringField("IdentityId", usage.identityId());
            g.writeStringField("IdentityPoolId", usage.identityPoolId());
            writeDate(g, "LastModifiedDate", usage.lastModifiedDate());
            g.writeNumberField("DatasetCount", usage.datasetCount());
            g.writeNumberField("DataStorage", usage.dataStorage());
            g.writeEndObject();
        });
    }

    private static Dataset readDataset(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedResponseException("a Dataset is not a JSON object", 0);
        }
        String identity = null;
        String name = null;
        Instant created = null;
        Instant modified = null;
        String by = null;
        long storage = 0;
        long records = 0;
        String member;
        while ((member = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (member) {
                case "IdentityId" -> identity = parser.getValueAsString();
                case "DatasetName" -> name = parser.getValueAsString();
                case "CreationDate" -> created = date(parser, value);
                case "LastModifiedDate" -> modified = date(parser, value);
                case "LastModifiedBy" -> by = parser.getValueAsString();
                case "DataStorage" -> storage = parser.getValueAsLong();
                case "NumRecords" -> records = parser.getValueAsLong();
                default -> parser.skipChildren();
            }
        }
        if (identity == null || name == null) {
            throw new MalformedResponseException("a Dataset has no IdentityId or DatasetName", 0);
        }
        return new Dataset(identity, name, created, modified, by, storage, records);
    }

    private static void writeDataset(JsonGenerator g, Dataset dataset) throws IOException {
        g.writeStartObject();
        g.writeStringField("IdentityId", dataset.identityId());
        g.writeStringField("DatasetName", dataset.datasetName());
        writeDate(g, "CreationDate", dataset.creationDate());
        writeDate(g, "LastModifiedDate", dataset.lastModifiedDate());
        if (dataset.lastModifiedBy() != null) {
            g.writeStringField("LastModifiedBy", dataset.lastModifiedBy());
        }
        g.writeNumberField("DataStorage", dataset.dataStorage());
        g.writeNumberField("NumRecords", dataset.numRecords());
        g.writeEndObject();
    }

    private static Instant date(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        BigDecimal seconds = parser.getDecimalValue();
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }

    /** Epoch seconds: whole, or with the millisecond fraction trimmed of trailing zeros. */
    private static void writeDate(JsonGenerator g, String field, Instant date) throws IOException {
        if (date != null) {
            BigDecimal seconds = BigDecimal.valueOf(date.toEpochMilli(), 3).stripTrailingZeros();
            g.writeFieldName(field);
            g.writeNumber(seconds.scale() < 0 ? seconds.setScale(0) : seconds);
        }
    }

    private static void expectObject(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedResponseException("the answer is not a JSON object", 0);
        }
    }

    private interface Fields {
        void write(JsonGenerator generator) throws IOException;
    }

    private static byte[] write(Fields fields) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(256)) {
            try (JsonGenerator g = JsonFormat.FACTORY.createGenerator(bytes)) {
                g.writeStartObject();
                fields.write(g);
                g.writeEndObject();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
