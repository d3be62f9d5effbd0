package dev.cogsync.emulator.internal;

import dev.cogsync.model.DatasetRef;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks sync session tokens without storing them: a token is an HMAC-SHA256 over the pool, identity,
 * dataset, expiry and a nonce, under a random key of this emulator, so memory does not grow with ListRecords
 * calls. Only single-use mode remembers something: the nonces used, bounded by {@link UsedTokens}.
 *
 * <p>Wire form, base64url without padding (44 characters): version (1 byte), expiry in epoch milliseconds or
 * {@code Long.MAX_VALUE} (8), nonce (8), the first 16 bytes of the MAC. Thread-safe.
 */
final class SessionTokens {

    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final int TOKEN_BYTES = 1 + 8 + 8 + MAC_BYTES;
    private static final int TOKEN_CHARS = 44;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Clock clock;
    private final Duration ttl;
    private final UsedTokens used;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong nonces = new AtomicLong();
    private final ThreadLocal<KeyedMac> macs = new ThreadLocal<>();
    private volatile SecretKeySpec key;

    /**
     * @param clock the time source for expiry
     * @param ttl the lifetime of a token, or {@code null} for none
     * @param used the used-token memory for single-use mode, or {@code null} when tokens may be reused
     */
    SessionTokens(Clock clock, Duration ttl, UsedTokens used) {
        this.clock = clock;
        this.ttl = ttl;
        this.used = used;
        rotateKey();
    }

    /** Invalidates every token issued so far, and forgets the used ones. Not for an event loop: may block on entropy. */
    void rotateKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        key = new SecretKeySpec(bytes, "HmacSHA256");
        if (used != null) {
            used.clear();
        }
    }

    String issue(DatasetRef dataset) {
        long expiresAt = ttl == null ? Long.MAX_VALUE : saturatedAdd(clock.millis(), ttl.toMillis());
        long nonce = nonces.incrementAndGet();
        ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES);
        token.put(VERSION).putLong(expiresAt).putLong(nonce);
        token.put(mac(dataset, expiresAt, nonce), 0, MAC_BYTES);
        return ENCODER.encodeToString(token.array());
    }

    /**
     * Checks a token for a dataset.
     *
     * @param dataset the dataset of the call
     * @param token the token as received, or {@code null}
     * @param consume whether this call uses the token up in single-use mode
     * @throws ServiceError 400 {@code InvalidParameterException} "SyncSessionToken not valid for these inputs"
     *     when it is missing, malformed, for other inputs, expired or used
     */
    void check(DatasetRef dataset, String token, boolean consume) {
        if (token == null || token.length() != TOKEN_CHARS) {
            throw ServiceError.invalidToken();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            throw ServiceError.invalidToken();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length != TOKEN_BYTES || buffer.get() != VERSION) {
            throw ServiceError.invalidToken();
        }
        long expiresAt = buffer.getLong();
        long nonce = buffer.getLong();
        byte[] expected = mac(dataset, expiresAt, nonce);
        byte[] actual = new byte[MAC_BYTES];
        buffer.get(actual);
        if (!MessageDigest.isEqual(actual, java.util.Arrays.copyOf(expected, MAC_BYTES))) {
            throw ServiceError.invalidToken();
        }
        if (clock.millis() >= expiresAt) {
            throw ServiceError.invalidToken();
        }
        if (used != null) {
            long issued = nonces.get();
            if (consume ? !used.use(nonce, issued) : !used.usable(nonce, issued)) {
                throw ServiceError.invalidToken();
            }
        }
    }

    private byte[] mac(DatasetRef dataset, long expiresAt, long nonce) {
        SecretKeySpec current = key;
        KeyedMac keyed = macs.get();
        if (keyed == null || keyed.key != current) {
            keyed = new KeyedMac(current);
            macs.set(keyed);
        }
        Mac mac = keyed.mac;
        mac.update(VERSION);
        mac.update(ByteBuffer.allocate(16).putLong(expiresAt).putLong(nonce).array());
        mac.update(dataset.identityPoolId().getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(dataset.identityId().getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(dataset.datasetName().getBytes(StandardCharsets.UTF_8));
        return mac.doFinal();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** A MAC initialised with one key, cached per thread because {@link Mac#getInstance} is costly. */
    private static final class KeyedMac {
        final SecretKeySpec key;
        final Mac mac;

        KeyedMac(SecretKeySpec key) {
            this.key = key;
            try {
                this.mac = Mac.getInstance("HmacSHA256");
                this.mac.init(key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        }
    }
}
