package dev.berth.core.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Failed sign-ins are counted per user name and per client address; past a few, each
 * further attempt on that name or from that address must wait a backoff that doubles with every failure (up to a
 * minute), and is refused until then. A success clears the user's count; counts fade after a quiet while.
 */
public final class SignInGuard {
    static final int FREE_FAILURES = 5;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant last, Instant blockedUntil) {}

    public SignInGuard(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must still wait before trying to sign in as this user from this address, if at all. */
    public Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(blockedUntil("user:" + username, now), blockedUntil("address:" + address, now));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public void failed(String username, String address) {
        count("user:" + username);
        count("address:" + address);
    }

    public void succeeded(String username) {
        failures.remove("user:" + username);
    }

    private void count(String key) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.entrySet()
                    .removeIf(e -> e.getValue().last().plus(FORGET_AFTER).isBefore(now));
        }
        failures.compute(key, (k, old) -> {
            int count = old == null || old.last().plus(FORGET_AFTER).isBefore(now) ? 1 : old.count() + 1;
            return new Failures(count, now, now.plus(backoff(count)));
        });
    }

    private Instant blockedUntil(String key, Instant now) {
        Failures entry = failures.get(key);
        if (entry == null || entry.last().plus(FORGET_AFTER).isBefore(now)) {
            return Instant.MIN;
        }
        return entry.blockedUntil();
    }

    private static Duration backoff(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES - 1, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
