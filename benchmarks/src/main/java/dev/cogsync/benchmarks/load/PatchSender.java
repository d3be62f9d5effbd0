package dev.cogsync.benchmarks.load;

import dev.cogsync.model.DatasetRef;
import reactor.core.publisher.Mono;

/** Sends one patch the way a {@link Mode} does. */
interface PatchSender {

    /**
     * Writes a value to a key, lazily.
     *
     * @param dataset the dataset
     * @param key the key
     * @param value the value
     * @return completes when the patch is acknowledged, or fails with the error that ended it; never blocks
     */
    Mono<?> send(DatasetRef dataset, String key, String value);

    /** Flushes and releases what the sender holds, once every patch has ended. Blocks: call it from main. */
    void close();
}
