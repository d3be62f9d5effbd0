package dev.cogsync.auth.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed SigV4 {@code Authorization} header value, or the reason it could not be parsed. Parsing failures
 * are values rather than exceptions because the verifier turns them into a response, not a stack trace.
 */
public final class AuthorizationHeader {

    private static final String CREDENTIAL = "Credential";
    private static final String SIGNED_HEADERS = "SignedHeaders";
    private static final String SIGNATURE = "Signature";
    private static final int SIGNATURE_BYTES = 32;

    private final String problem;
    private final String accessKeyId;
    private final String date;
    private final String region;
    private final String service;
    private final List<String> signedHeaders;
    private final byte[] signature;

    private AuthorizationHeader(String problem, String accessKeyId, String date, String region, String service,
            List<String> signedHeaders, byte[] signature) {
        this.problem = problem;
        this.accessKeyId = accessKeyId;
        this.date = date;
        this.region = region;
        this.service = service;
        this.signedHeaders = signedHeaders;
        this.signature = signature;
    }

    /**
     * Parses {@code AWS4-HMAC-SHA256 Credential=AKID/yyyyMMdd/region/service/aws4_request,
     * SignedHeaders=a;b, Signature=hex}. Whitespace around the comma-separated parts is optional.
     *
     * @param value the header value as received
     * @return the parsed header; {@link #problem()} is non-null when it is malformed
     */
    public static AuthorizationHeader parse(String value) {
        String trimmed = value.trim();
        int space = trimmed.indexOf(' ');
        String algorithm = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!algorithm.equals(SigV4Calculator.ALGORITHM)) {
            return failure("Unsupported authorization algorithm; only 'AWS4-HMAC-SHA256' is accepted.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        String parameters = space < 0 ? "" : trimmed.substring(space + 1);
        for (String part : split(parameters, ',')) {
            String parameter = part.trim();
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                return failure("Authorization header is malformed; expected 'Name=value' parts separated by commas.");
            }
            String name = parameter.substring(0, equals).trim();
            String partValue = parameter.substring(equals + 1).trim();
            switch (name) {
                case CREDENTIAL -> {
                    if (credential != null) {
                        return repeated(name);
                    }
                    credential = partValue;
                }
                case SIGNED_HEADERS -> {
                    if (signedHeaders != null) {
                        return repeated(name);
                    }
                    signedHeaders = partValue;
                }
                case SIGNATURE -> {
                    if (signature != null) {
                        return repeated(name);
                    }
                    signature = partValue;
                }
                default -> {
                    // Other parameters carry nothing the signature depends on; ignore them.
                }
            }
        }
        if (credential == null) {
            return failure("Authorization header requires 'Credential' parameter.");
        }
        if (signedHeaders == null) {
            return failure("Authorization header requires 'SignedHeaders' parameter.");
        }
        if (signature == null) {
            return failure("Authorization header requires 'Signature' parameter.");
        }
        return parseParts(credential, signedHeaders, signature);
    }

    private static AuthorizationHeader parseParts(String credential, String signedHeaders, String signature) {
        List<String> scope = split(credential, '/');
        if (scope.size() != 5 || scope.get(0).isEmpty() || scope.get(1).isEmpty() || scope.get(2).isEmpty()
                || scope.get(3).isEmpty()) {
            return failure("Authorization header is malformed; the Credential is mal-formed; expecting "
                    + "\"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
        }
        if (!scope.get(4).equals("aws4_request")) {
            return failure("Credential should be scoped with a valid terminator: 'aws4_request'.");
        }
        List<String> names = split(signedHeaders, ';');
        for (String name : names) {
            if (!isLowerCaseToken(name)) {
                return failure("Authorization header is malformed; SignedHeaders must be lower-case header names "
                        + "separated by ';'.");
            }
        }
        byte[] signatureBytes = signature.length() == 2 * SIGNATURE_BYTES ? Hex.decode(signature) : null;
        if (signatureBytes == null) {
            return failure("Authorization header is malformed; the Signature must be 64 hexadecimal digits.");
        }
        return new AuthorizationHeader(null, scope.get(0), scope.get(1), scope.get(2), scope.get(3),
                Collections.unmodifiableList(names), signatureBytes);
    }

    private static AuthorizationHeader repeated(String name) {
        return failure("Authorization header is malformed; '" + name + "' appears more than once.");
    }

    private static AuthorizationHeader failure(String problem) {
        return new AuthorizationHeader(problem, null, null, null, null, List.of(), null);
    }

    /** Splits on a character, keeping empty parts; by hand, since String.split takes a regular expression. */
    private static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0, length = s.length(); i <= length; i++) {
            if (i == length || s.charAt(i) == separator) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    private static boolean isLowerCaseToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7F || c >= 'A' && c <= 'Z' || c == ',' || c == ':' || c == ';') {
                return false;
            }
        }
        return true;
    }

    /**
     * Why the header could not be parsed.
     *
     * @return a message for the caller, or {@code null} when the header was parsed
     */
    public String problem() {
        return problem;
    }

    /**
     * The access key id of the credential scope.
     *
     * @return the access key id
     */
    public String accessKeyId() {
        return accessKeyId;
    }

    /**
     * The date of the credential scope.
     *
     * @return the date as sent, normally {@code yyyyMMdd}
     */
    public String date() {
        return date;
    }

    /**
     * The region of the credential scope.
     *
     * @return the region
     */
    public String region() {
        return region;
    }

    /**
     * The service of the credential scope.
     *
     * @return the service
     */
    public String service() {
        return service;
    }

    /**
     * The signed header names, as listed.
     *
     * @return the names, unmodifiable
     */
    public List<String> signedHeaders() {
        return signedHeaders;
    }

    /**
     * The signature the request claims. The array is this object's own; callers must not change it.
     *
     * @return 32 bytes
     */
    public byte[] signature() {
        return signature;
    }
}
