package dev.cogsync.batch;

import dev.cogsync.model.Constraints;

/**
 * What a {@link ConflictResolver} decided for one conflicting write.
 *
 * <p>One of: write the local value with the server's current sync count; keep the remote record; fail the
 * caller; or write another value (a merge of both).
 */
public sealed interface Resolution {

    /**
     * Writes the caller's value over the remote change.
     *
     * @return the resolution
     */
    static Resolution useLocal() {
        return UseLocal.INSTANCE;
    }

    /**
     * Keeps the remote record; the caller's write is dropped and the caller gets the remote record.
     *
     * @return the resolution
     */
    static Resolution keepRemote() {
        return KeepRemote.INSTANCE;
    }

    /**
     * Fails the caller with a conflict that carries the remote record.
     *
     * @return the resolution
     */
    static Resolution fail() {
        return Fail.INSTANCE;
    }

    /**
     * Writes another value, for example a merge of the local and remote values.
     *
     * @param value the value to write, or {@code null} to remove the record
     * @return the resolution
     */
    static Resolution write(String value) {
        return new Write(value);
    }

    /** Write the local value. */
    enum UseLocal implements Resolution {
        /** The only instance. */
        INSTANCE
    }

    /** Keep the remote record. */
    enum KeepRemote implements Resolution {
        /** The only instance. */
        INSTANCE
    }

    /** Fail the caller. */
    enum Fail implements Resolution {
        /** The only instance. */
        INSTANCE
    }

    /**
     * Write a value the resolver chose.
     *
     * @param value the value, or {@code null} to remove the record; at most 1,048,575 characters
     */
    record Write(String value) implements Resolution {

        /**
         * Validates the value's length.
         *
         * @param value the value, or {@code null} to remove the record; at most 1,048,575 characters
         */
        public Write {
            if (value != null && value.length() > Constraints.MAX_VALUE_LENGTH
                    && value.codePointCount(0, value.length()) > Constraints.MAX_VALUE_LENGTH) {
                throw new dev.cogsync.exception.ValidationException("resolution.value",
                        "length must be at most " + Constraints.MAX_VALUE_LENGTH + " characters, was "
                                + value.codePointCount(0, value.length()));
            }
        }
    }
}
