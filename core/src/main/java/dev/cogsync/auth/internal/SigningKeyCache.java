package dev.cogsync.auth.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small, bounded cache of derived SigV4 signing keys. Deriving a key costs four HMACs; a cache hit costs a
 * few volatile reads and string comparisons, without locks. One credential and one day is the common case,
 * so a handful of slots replaced round-robin is enough. The keys never leave this package.
 */
public final class SigningKeyCache {

    private static final byte[] TERMINATOR = "aws4_request".getBytes(StandardCharsets.US_ASCII);

    private final AtomicReferenceArray<Entry> entries;
    private final AtomicInteger nextSlot = new AtomicInteger();
    private final AtomicLong derivations = new AtomicLong();

    /**
     * Creates an empty cache.
     *
     * @param capacity how many keys to keep, at least 1
     * @throws IllegalArgumentException when {@code capacity} is less than 1
     */
    public SigningKeyCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: must be at least 1, was " + capacity);
        }
        entries = new AtomicReferenceArray<>(capacity);
    }

    /**
     * How many keys this cache has derived so far; it grows by one for every miss.
     *
     * @return the number of derivations
     */
    public long derivations() {
        return derivations.get();
    }

    /**
     * How many keys this cache keeps.
     *
     * @return the capacity
     */
    public int capacity() {
        return entries.length();
    }

    /**
     * The signing key for a secret, date, region and service, derived on a miss. Concurrent misses for the
     * same key may both derive it; the result is the same and the cache stays consistent.
     */
    byte[] signingKey(String secretAccessKey, String date, String region, String service, SigningScratch scratch) {
        for (int i = 0, length = entries.length(); i < length; i++) {
            Entry entry = entries.get(i);
            if (entry != null && entry.matches(secretAccessKey, date, region, service)) {
                return entry.key;
            }
        }
        byte[] key = derive(secretAccessKey, date, region, service, scratch);
        derivations.incrementAndGet();
        int slot = Math.floorMod(nextSlot.getAndIncrement(), entries.length());
        entries.set(slot, new Entry(secretAccessKey, date, region, service, key));
        return key;
    }

    private static byte[] derive(String secretAccessKey, String date, String region, String service,
            SigningScratch scratch) {
        byte[] secret = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
        byte[] dateKey = scratch.hmac(secret, date.getBytes(StandardCharsets.UTF_8));
        byte[] regionKey = scratch.hmac(dateKey, region.getBytes(StandardCharsets.UTF_8));
        byte[] serviceKey = scratch.hmac(regionKey, service.getBytes(StandardCharsets.UTF_8));
        byte[] signingKey = scratch.hmac(serviceKey, TERMINATOR);
        // The intermediate keys are secrets too; do not leave them on the heap longer than needed.
        scratch.forgetKey();
        Arrays.fill(secret, (byte) 0);
        Arrays.fill(dateKey, (byte) 0);
        Arrays.fill(regionKey, (byte) 0);
        Arrays.fill(serviceKey, (byte) 0);
        return signingKey;
    }

    /** Names the capacity only: never a secret or a key. */
    @Override
    public String toString() {
        return "SigningKeyCache[capacity=" + entries.length() + "]";
    }

    /** Immutable, so publishing it through the atomic array is safe; not a record, to keep keys out of toString. */
    private static final class Entry {
        private final String secretAccessKey;
        private final String date;
        private final String region;
        private final String service;
        private final byte[] key;

        Entry(String secretAccessKey, String date, String region, String service, byte[] key) {
            this.secretAccessKey = secretAccessKey;
            this.date = date;
            this.region = region;
            this.service = service;
            this.key = key;
        }

        boolean matches(String secretAccessKey, String date, String region, String service) {
            // The date is the part most likely to differ; the secret is usually the very same String.
            return this.date.equals(date)
                    && this.secretAccessKey.equals(secretAccessKey)
                    && this.region.equals(region)
                    && this.service.equals(service);
        }
    }
}
