package dev.cogsync.batch;

/**
 * Caps on one UpdateRecords request that the coalescer builds.
 *
 * <p>The defaults keep a request under the service's 1 MB: at most {@value #DEFAULT_MAX_PATCHES} patches (a
 * dataset cannot hold more records than that, and keys in one request are unique) and at most
 * {@value #DEFAULT_MAX_BYTES} bytes of estimated JSON body. A single patch larger than the byte cap still
 * travels, alone, so that the service rather than the client decides on it.
 *
 * @param maxPatches patches per request, at least 1
 * @param maxBytes estimated body bytes per request, at least {@link PatchSize#REQUEST_OVERHEAD}
 */
public record BatchLimits(int maxPatches, long maxBytes) {

    /** Default patches per request: {@value}. */
    public static final int DEFAULT_MAX_PATCHES = 1024;
    /** Default estimated body bytes per request: {@value}, under the service's 1 MB. */
    public static final long DEFAULT_MAX_BYTES = 900_000;

    /**
     * Validates the caps.
     *
     * @param maxPatches patches per request, at least 1
     * @param maxBytes estimated body bytes per request, at least {@link PatchSize#REQUEST_OVERHEAD}
     */
    public BatchLimits {
        if (maxPatches < 1) {
            throw new IllegalArgumentException("maxPatches: must be >= 1, was " + maxPatches);
        }
        if (maxBytes < PatchSize.REQUEST_OVERHEAD) {
            throw new IllegalArgumentException("maxBytes: must be >= " + PatchSize.REQUEST_OVERHEAD + ", was "
                    + maxBytes);
        }
    }

    /**
     * The default caps.
     *
     * @return {@value #DEFAULT_MAX_PATCHES} patches and {@value #DEFAULT_MAX_BYTES} bytes
     */
    public static BatchLimits defaults() {
        return new BatchLimits(DEFAULT_MAX_PATCHES, DEFAULT_MAX_BYTES);
    }
}
