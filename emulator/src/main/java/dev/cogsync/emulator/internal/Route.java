package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.exception.ValidationException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.protocol.PercentEncoding;

/**
 * Which operation a method and raw path name, with the path labels still percent-encoded as received. Parsed
 * by hand, without regular expressions, because it runs for every request.
 *
 * @param operation the operation, {@link ApiOperation#UNKNOWN} when none matches
 * @param rawPoolId the identity pool label, or {@code null}
 * @param rawIdentityId the identity label, or {@code null}
 * @param rawDatasetName the dataset label, or {@code null} for ListDatasets
 */
record Route(ApiOperation operation, String rawPoolId, String rawIdentityId, String rawDatasetName) {

    static final Route UNKNOWN = new Route(ApiOperation.UNKNOWN, null, null, null);

    /** A dataset name that passes validation, to validate the ids of ListDatasets through {@link DatasetRef}. */
    private static final String ANY_DATASET = "_";

    /**
     * Matches a request.
     *
     * @param method the HTTP method
     * @param path the raw path, without the query string
     * @return the route, or {@link #UNKNOWN}
     */
    static Route match(String method, String path) {
        // /identitypools/{pool}/identities/{identity}[/datasets[/{name}[/records]]]
        String[] segments = new String[7];
        int count = 0;
        int length = path.length();
        if (length == 0 || path.charAt(0) != '/') {
            return UNKNOWN;
        }
        int start = 1;
        while (start <= length) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? length : slash;
            if (count == segments.length) {
                return UNKNOWN;
            }
            segments[count++] = path.substring(start, end);
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        if (count < 4 || !"identitypools".equals(segments[0]) || !"identities".equals(segments[2])
                || count > 4 && !"datasets".equals(segments[4])) {
            return UNKNOWN;
        }
        ApiOperation operation = switch (count) {
            case 4 -> "GET".equals(method) ? ApiOperation.DESCRIBE_IDENTITY_USAGE : ApiOperation.UNKNOWN;
            case 5 -> "GET".equals(method) ? ApiOperation.LIST_DATASETS : ApiOperation.UNKNOWN;
            case 6 -> switch (method) {
                case "GET" -> ApiOperation.DESCRIBE_DATASET;
                case "POST" -> ApiOperation.UPDATE_RECORDS;
                case "DELETE" -> ApiOperation.DELETE_DATASET;
                default -> ApiOperation.UNKNOWN;
            };
            case 7 -> "GET".equals(method) && "records".equals(segments[6])
                    ? ApiOperation.LIST_RECORDS : ApiOperation.UNKNOWN;
            default -> ApiOperation.UNKNOWN;
        };
        if (operation == ApiOperation.UNKNOWN) {
            return UNKNOWN;
        }
        return new Route(operation, segments[1], segments[3], count > 5 ? segments[5] : null);
    }

    /**
     * The dataset the labels name, decoded and validated.
     *
     * @return the dataset; for ListDatasets a placeholder name
     * @throws ServiceError 400 {@code InvalidParameterException} naming the field when a label is not valid
     */
    DatasetRef dataset() {
        try {
            return DatasetRef.of(PercentEncoding.decode(rawPoolId), PercentEncoding.decode(rawIdentityId),
                    rawDatasetName == null ? ANY_DATASET : PercentEncoding.decode(rawDatasetName));
        } catch (ValidationException e) {
            throw ServiceError.invalidParameter(e.getMessage());
        }
    }
}
