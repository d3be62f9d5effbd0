package dev.cogsync.emulator.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code nextToken} of ListRecords and ListDatasets: the position after the last item returned, so a
 * page continues exactly where the previous one stopped even while the dataset changes.
 *
 * <p>ListRecords pages are ordered by (sync count, key): the token holds both. ListDatasets pages are ordered by
 * dataset name: the token holds the name, with sync count -1. Wire form: base64url without padding of
 * {@code <syncCount>:<key>} in UTF-8.
 *
 * @param syncCount the sync count of the last record returned, or -1 for a dataset name
 * @param key the key of the last record, or the last dataset name
 */
record PageToken(long syncCount, String key) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    String encode() {
        return ENCODER.encodeToString((syncCount + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token.
     *
     * @param token the token as received
     * @return the position
     * @throws ServiceError 400 {@code InvalidParameterException} when it is not a token this emulator wrote
     */
    static PageToken decode(String token) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(DECODER.decode(token)))
                    .toString();
            int colon = text.indexOf(':');
            if (colon < 1 || colon == text.length() - 1) {
                throw invalid();
            }
            long syncCount = Long.parseLong(text, 0, colon, 10);
            if (syncCount < -1) {
                throw invalid();
            }
            return new PageToken(syncCount, text.substring(colon + 1));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid();
        }
    }

    private static ServiceError invalid() {
        return ServiceError.invalidParameter("The nextToken is not valid");
    }
}
