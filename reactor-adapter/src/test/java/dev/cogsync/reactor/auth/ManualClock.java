package dev.cogsync.reactor.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, shared by whatever it is given to (an emulator, a client, a cache). */
public final class ManualClock extends Clock {

    private volatile Instant now;

    /**
     * A clock standing at {@code start}.
     *
     * @param start the first instant it reads
     */
    public ManualClock(Instant start) {
        this.now = start;
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far
     */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
