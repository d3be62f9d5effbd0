package dev.cogsync.workload;

import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.reactor.OverloadPolicy;
import dev.cogsync.reactor.WriterOptions;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * How a harness sends its patches through cogsync: each mode has one {@link PatchSender}, which every harness uses.
 * The AWS SDK peer is a mode of the benchmarks only, which alone depend on the SDK.
 */
public enum PatchMode {

    /** Managed-mode {@code put}s through one {@link CoalescingWriter}, which tracks the sync counts. */
    COALESCED("coalesced"),

    /**
     * Explicit-mode {@code submit}s through one {@link CoalescingWriter}, each carrying the sync count that the key's
     * last write returned (listed once when unknown, and again after a conflict).
     */
    EXPLICIT("explicit"),

    /**
     * The plain client, one UpdateRecords per patch, carrying the sync count that the key's last write returned and
     * the dataset's session token; ListRecords only when either is unknown, and after a conflict.
     */
    PLAIN("plain"),

    /**
     * The plain client, the way an SDK user writes it without any state: ListRecords for the session token and the
     * key's sync count, then one UpdateRecords per patch; on a conflict, list again and retry.
     */
    PER_PATCH("per-patch");

    /**
     * The writer options of every harness: the library's defaults, except {@link OverloadPolicy#WAIT}. When more
     * writers than the writer's pending bounds have a patch queued, a load generator should be slowed by
     * backpressure rather than count refusals.
     */
    public static final WriterOptions HARNESS_WRITER_OPTIONS =
            WriterOptions.builder().overloadPolicy(OverloadPolicy.WAIT).build();

    /**
     * Conflicts one patch may resolve before it fails, in the modes that resolve them by listing again: the
     * coalescer's default {@code maxConflictRetries}.
     */
    public static final int MAX_CONFLICT_RETRIES = 5;

    private final String optionValue;

    PatchMode(String optionValue) {
        this.optionValue = optionValue;
    }

    /** @return the name on command lines, in properties and in summaries */
    public String optionValue() {
        return optionValue;
    }

    /** @return whether this mode writes through a {@link CoalescingWriter} */
    public boolean coalesces() {
        return this == COALESCED || this == EXPLICIT;
    }

    /**
     * The mode a setting names.
     *
     * @param setting the setting's name, for the error
     * @param text its value, for example {@code per-patch}
     * @return the mode
     * @throws UsageException when no mode has that name
     */
    public static PatchMode fromOptionValue(String setting, String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        StringJoiner names = new StringJoiner(", ");
        for (PatchMode mode : values()) {
            if (mode.optionValue.equals(lower)) {
                return mode;
            }
            names.add(mode.optionValue);
        }
        throw new UsageException(setting + ": must be one of " + names + ", was \"" + text + "\"");
    }

    /**
     * A sender of this mode.
     *
     * @param client the client it sends through; the caller closes it, after the sender
     * @param writerOptions the writer's options in the coalescing modes, usually {@link #HARNESS_WRITER_OPTIONS};
     *     ignored in the others
     * @return the sender
     */
    public PatchSender sender(CognitoSyncClient client, WriterOptions writerOptions) {
        return switch (this) {
            case COALESCED -> new CoalescedSender(CoalescingWriter.create(client, writerOptions));
            case EXPLICIT -> new ExplicitSender(client, CoalescingWriter.create(client, writerOptions));
            case PLAIN -> new PlainSender(client, true);
            case PER_PATCH -> new PlainSender(client, false);
        };
    }
}
