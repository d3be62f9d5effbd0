package dev.cogsync.batch;

/** A queued write as the planner sees it: which record it touches and how big it is. */
public interface Batchable {

    /**
     * The record key the write patches.
     *
     * @return the key
     */
    String key();

    /**
     * The write's estimated share of a request body, from {@link PatchSize#of(String, String)}.
     *
     * @return bytes
     */
    long estimatedBytes();
}
