package dev.cogsync.benchmarks.drivers;

import reactor.core.publisher.Mono;

/**
 * One way of writing a patch, as a benchmark drives it: each writer owns one key in one dataset and writes it
 * again and again, so no driver ever meets a conflict and every driver does the same service work.
 */
public interface Driver extends AutoCloseable {

    /**
     * Prepares the writers (session tokens, sync counts) before the clock starts.
     *
     * @param writers how many writers will write
     */
    void prepare(int writers);

    /**
     * Writes writer {@code writer}'s next patch.
     *
     * @param writer the writer, from 0
     * @return completes when the write is acknowledged
     */
    Mono<?> write(int writer);

    /** Releases everything the driver holds. */
    @Override
    void close();
}
