package dev.cogsync.workload;

import dev.cogsync.model.DatasetRef;

/**
 * One writer's position in its sequence of patches: its dataset, the key and value of the next patch. A key's
 * value moves one step through the pool each time the writer comes back to it, so every write changes it. Not
 * thread-safe; a writer has one patch in flight at a time, and Reactor's signals order its steps.
 */
public final class WriterCursor {

    private final DatasetRef dataset;
    private final String[] keys;
    private final String[] values;
    private final int firstValue;
    private int nextKey;
    private long round;

    WriterCursor(DatasetRef dataset, String[] keys, String[] values, int firstValue) {
        this.dataset = dataset;
        this.keys = keys;
        this.values = values;
        this.firstValue = firstValue;
    }

    /** @return the writer's dataset */
    public DatasetRef dataset() {
        return dataset;
    }

    /** @return the key of the next patch */
    public String key() {
        return keys[nextKey];
    }

    /** @return the value of the next patch */
    public String value() {
        return values[(int) ((firstValue + nextKey + round) % values.length)];
    }

    /** Moves to the next patch: the writer's next key, or its first key again with every value one step on. */
    public void advance() {
        if (++nextKey == keys.length) {
            nextKey = 0;
            round++;
        }
    }
}
