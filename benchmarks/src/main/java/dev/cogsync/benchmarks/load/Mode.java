package dev.cogsync.benchmarks.load;

import java.util.Locale;

/** How the load command sends its patches. */
enum Mode {

    /** Managed-mode {@code put}s through one {@link dev.cogsync.reactor.CoalescingWriter}. */
    COALESCED("coalesced"),

    /**
     * The plain client, the way an SDK user writes it: ListRecords for the session token and the key's sync count,
     * then one UpdateRecords per patch; on a conflict, list again and retry, a bounded number of times.
     */
    PER_PATCH("per-patch");

    private final String optionValue;

    Mode(String optionValue) {
        this.optionValue = optionValue;
    }

    /** @return the name on the command line and in the summary */
    String optionValue() {
        return optionValue;
    }

    /**
     * The mode a command-line value names.
     *
     * @param text the value of {@code --mode}
     * @return the mode, or {@code null} when none has that name
     */
    static Mode fromOptionValue(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        for (Mode mode : values()) {
            if (mode.optionValue.equals(lower)) {
                return mode;
            }
        }
        return null;
    }
}
