package dev.cogsync.emulator.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The nonces of used session tokens, for single-use mode, in bounded memory.
 *
 * <p>Nonces are issued in increasing order, so the rule is: a token is usable only while it is among the
 * {@code capacity} most recently issued ones, and unused. Nonces that fall out of that window are forgotten in
 * one sweep once twice the capacity is stored, which keeps memory below {@code 2 * capacity} entries and the
 * sweeping cost amortised to O(1) per use. Thread-safe.
 */
final class UsedTokens {

    private final int capacity;
    private final ConcurrentHashMap<Long, Boolean> used = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    UsedTokens(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Whether a token could be used now.
     *
     * @param nonce the token's nonce
     * @param lastIssued the nonce of the most recently issued token
     * @return {@code true} when it is inside the window and not used
     */
    boolean usable(long nonce, long lastIssued) {
        return inWindow(nonce, lastIssued) && !used.containsKey(nonce);
    }

    /**
     * Uses a token up.
     *
     * @param nonce the token's nonce
     * @param lastIssued the nonce of the most recently issued token
     * @return {@code true} when this call used it; {@code false} when it was used already or is too old
     */
    boolean use(long nonce, long lastIssued) {
        if (!inWindow(nonce, lastIssued) || used.putIfAbsent(nonce, Boolean.TRUE) != null) {
            return false;
        }
        if (used.size() > 2 * capacity && sweeping.compareAndSet(false, true)) {
            try {
                long floor = lastIssued - capacity;
                used.keySet().removeIf(n -> n <= floor);
            } finally {
                sweeping.set(false);
            }
        }
        return true;
    }

    int size() {
        return used.size();
    }

    void clear() {
        used.clear();
    }

    private boolean inWindow(long nonce, long lastIssued) {
        return nonce > lastIssued - capacity && nonce <= lastIssued;
    }
}
