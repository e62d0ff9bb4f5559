package dev.berth.core.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Failed attempts counted per key (a name and an address, or an address alone), each counted when it begins. Past
 * {@code freeFailures} attempts, each further one must wait a backoff that doubles with every attempt (one second up
 * to a minute) and is refused until then. A key's count fades after a quarter hour without attempts.
 *
 * <p>The keys are strings a stranger chooses, so the table is bounded. When it reaches its capacity it first forgets
 * the faded keys, then (when still three quarters full) the keys that are still within their free failures, which
 * hold a few failures each; keys past them are kept until they fade, since forgetting them would hand a guesser fresh
 * attempts. Pruning scans the table, so it runs at most once a second; a new key that finds the table still full
 * (every entry past its free failures) is not counted in this table, and is left to the other one. Filling a table
 * with such keys takes far more failed password checks than a quarter hour allows (see docs/security.md).
 */
final class FailureCounts {
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final Duration PRUNE_AT_MOST_EVERY = Duration.ofSeconds(1);

    private final int freeFailures;
    private final int capacity;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.MIN);

    private record Attempts(int count, Instant last, Instant blockedUntil) {
        boolean faded(Instant now) {
            return last.plus(FORGET_AFTER).isBefore(now);
        }
    }

    FailureCounts(int freeFailures, int capacity) {
        this.freeFailures = freeFailures;
        this.capacity = capacity;
    }

    /** Until when the key is held up (the past when it is not), without counting anything. */
    Instant blockedUntil(String key) {
        Attempts current = attempts.get(key);
        return current == null ? Instant.MIN : current.blockedUntil();
    }

    /**
     * Counts an attempt on the key unless it is held up; returns until when it was held up (the past when the attempt
     * may go ahead and was counted).
     */
    Instant begin(String key, Instant now) {
        if (!attempts.containsKey(key) && !roomFor(now)) {
            return Instant.MIN;
        }
        Instant[] blockedUntil = {Instant.MIN};
        attempts.compute(key, (k, old) -> {
            if (old != null && old.blockedUntil().isAfter(now)) {
                blockedUntil[0] = old.blockedUntil();
                return old;
            }
            int count = old == null || old.faded(now) ? 1 : old.count() + 1;
            return new Attempts(count, now, now.plus(backoff(count)));
        });
        return blockedUntil[0];
    }

    /** Takes back one attempt that succeeded, or that did not go ahead after all. */
    void takeBack(String key) {
        attempts.computeIfPresent(
                key,
                (k, old) -> old.count() <= 1
                        ? null
                        : new Attempts(
                                old.count() - 1,
                                old.last(),
                                old.count() - 1 <= freeFailures ? Instant.MIN : old.blockedUntil()));
    }

    /** Forgets every attempt on the key. */
    void forget(String key) {
        attempts.remove(key);
    }

    int size() {
        return attempts.size();
    }

    private boolean roomFor(Instant now) {
        if (attempts.size() < capacity) {
            return true;
        }
        Instant previous = lastPrune.get();
        if (previous.plus(PRUNE_AT_MOST_EVERY).isBefore(now) && lastPrune.compareAndSet(previous, now)) {
            prune(now);
        }
        return attempts.size() < capacity;
    }

    private void prune(Instant now) {
        attempts.values().removeIf(a -> a.faded(now));
        if (attempts.size() > capacity / 4 * 3) {
            attempts.values().removeIf(a -> a.count() <= freeFailures);
        }
    }

    private Duration backoff(int count) {
        if (count <= freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - freeFailures - 1, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
