package dev.cogsync.auth.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One thread's SHA-256 digest, HMAC-SHA256 and text buffer. JCA objects are not thread-safe and cost
 * microseconds to look up, so each thread that signs keeps its own; nothing here outlives one calculation
 * except the buffer's capacity and the MAC's current key.
 */
final class SigningScratch {

    /** A buffer grown past this by an unusually large request is dropped rather than kept per thread. */
    private static final int MAX_RETAINED_CAPACITY = 16 * 1024;
    private static final int INITIAL_CAPACITY = 1024;

    private static final ThreadLocal<SigningScratch> CURRENT = ThreadLocal.withInitial(SigningScratch::new);

    private final MessageDigest sha256;
    private final Mac hmacSha256;
    /** The array {@link #hmacSha256} was last initialised with; compared by identity to skip re-initialising. */
    private byte[] macKey;
    private StringBuilder buffer = new StringBuilder(INITIAL_CAPACITY);

    private SigningScratch() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
            hmacSha256 = Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide both algorithms.
            throw new IllegalStateException("SHA-256 and HmacSHA256 must be available", e);
        }
    }

    static SigningScratch current() {
        return CURRENT.get();
    }

    /** The thread's buffer, emptied and with room for {@code capacity} characters. */
    StringBuilder buffer(int capacity) {
        if (buffer.capacity() > MAX_RETAINED_CAPACITY) {
            buffer = new StringBuilder(Math.max(INITIAL_CAPACITY, capacity));
        }
        buffer.setLength(0);
        buffer.ensureCapacity(capacity);
        return buffer;
    }

    byte[] sha256(byte[] data) {
        return sha256.digest(data);
    }

    /**
     * HMAC-SHA256 of {@code data} under {@code key}. Keys are compared by identity: a cached signing key is the
     * same array on every request, and a {@link Mac} keeps its key across {@code doFinal}, so the common case
     * skips {@code init}. Callers must never change a key array after passing it here.
     */
    byte[] hmac(byte[] key, byte[] data) {
        if (key != macKey) {
            try {
                hmacSha256.init(new SecretKeySpec(key, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 rejected a key", e);
            }
            macKey = key;
        }
        return hmacSha256.doFinal(data);
    }

    /** Forgets the identity of the current MAC key, for callers about to wipe the array it came from. */
    void forgetKey() {
        macKey = null;
    }
}
