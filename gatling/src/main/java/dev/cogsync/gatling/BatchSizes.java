package dev.cogsync.gatling;

import dev.cogsync.reactor.AttemptListener;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.util.Clock;
import io.gatling.core.stats.StatsEngine;
import scala.Option;
import scala.collection.immutable.List$;

/**
 * Reports each successful UpdateRecords call to Gatling's stats, named by how many patches it carried, in
 * power-of-two ranges: {@code UpdateRecords carrying 1 patch}, {@code 2 patches}, {@code 3-4 patches},
 * {@code 5-8 patches} ... The report's table then counts the calls of each size, with their response times.
 * Failed attempts are not reported here: what they cost shows in the actions' own response times.
 */
final class BatchSizes implements AttemptListener {

    /** The scenario these entries are filed under; Gatling's report lists requests by name, across scenarios. */
    static final String SCENARIO = "cogsync";

    private static final int RANGES = 12;
    private static final String[] NAMES = new String[RANGES];

    static {
        for (int range = 0; range < RANGES; range++) {
            NAMES[range] = "UpdateRecords carrying " + describe(range);
        }
    }

    private final StatsEngine stats;
    private final Clock clock;

    BatchSizes(StatsEngine stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    /**
     * The name a call with this many patches is reported under.
     *
     * @param patches from 1
     * @return for example {@code UpdateRecords carrying 3-4 patches}
     */
    static String name(int patches) {
        return NAMES[range(patches)];
    }

    private static int range(int patches) {
        // 1 -> 0, 2 -> 1, 3-4 -> 2, 5-8 -> 3, ... up to 513-1024 -> 10, then more than 1024 -> 11.
        int range = patches <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(patches - 1);
        return Math.min(range, RANGES - 1);
    }

    private static String describe(int range) {
        if (range == 0) {
            return "1 patch";
        }
        if (range == 1) {
            return "2 patches";
        }
        if (range == RANGES - 1) {
            return "more than " + (1 << (range - 1)) + " patches";
        }
        return ((1 << (range - 1)) + 1) + "-" + (1 << range) + " patches";
    }

    @Override
    public Object attemptStarted(String operation, int patches) {
        return "UpdateRecords".equals(operation) && patches > 0 ? new long[] {clock.nowMillis(), patches} : null;
    }

    @Override
    public void attemptEnded(Object context, String operation, int status, Throwable error) {
        if (context instanceof long[] started && error == null) {
            stats.logResponse(SCENARIO, List$.MODULE$.empty(), name((int) started[1]), started[0],
                    clock.nowMillis(), OK$.MODULE$, Option.empty(), Option.empty());
        }
    }
}
