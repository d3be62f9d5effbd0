package dev.cogsync.batch;

import dev.cogsync.model.Record;

/**
 * Decides what a managed write does when another writer changed its record since this writer last saw it.
 *
 * <p>The writer calls it after listing the dataset, with the value this caller wants and the record as it now
 * is on the server. It must be fast and must not block: it runs on an event loop. Three policies are built in:
 * {@link #LAST_WRITER_WINS} (the default), {@link #KEEP_REMOTE} and {@link #FAIL}; a custom resolver may also
 * merge, with {@link Resolution#write(String)}.
 */
@FunctionalInterface
public interface ConflictResolver {

    /** Writes this caller's value over the remote change: last writer wins. */
    ConflictResolver LAST_WRITER_WINS = (key, localValue, remote) -> Resolution.useLocal();

    /** Keeps the remote record: the caller's write is dropped, and the caller gets the remote record. */
    ConflictResolver KEEP_REMOTE = (key, localValue, remote) -> Resolution.keepRemote();

    /**
     * Fails the caller with a {@link dev.cogsync.exception.ResourceConflictException} that carries the remote
     * record.
     */
    ConflictResolver FAIL = (key, localValue, remote) -> Resolution.fail();

    /**
     * Resolves one conflict.
     *
     * @param key the record key
     * @param localValue the value this caller wants, or {@code null} for a remove
     * @param remote the record as it is on the server, or {@code null} when it does not exist (any more)
     * @return what to do
     */
    Resolution resolve(String key, String localValue, Record remote);
}
