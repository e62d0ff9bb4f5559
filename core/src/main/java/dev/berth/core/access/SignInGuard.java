package dev.berth.core.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Attempts are counted per user name and client address together, and per client
 * address alone, each counted when it begins (so a burst of attempts sent at once is counted before any password is
 * hashed), and taken back when it succeeds. Past a few, each further attempt must wait a backoff that doubles with
 * every attempt (up to a minute) and is refused until then. Counts fade after a quiet while.
 *
 * <p>Keying by name and address together, not by name alone, keeps a stranger from locking a user out by guessing
 * wrong on purpose; the price is that guessing one account from many addresses is slowed only by the password
 * hash's cost.
 */
public final class SignInGuard {
    static final int FREE_FAILURES = 5;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    private record Attempts(int count, Instant last, Instant blockedUntil) {}

    public SignInGuard(Clock clock) {
        this.clock = clock;
    }

    /**
     * Begins an attempt, counting it as a failure until {@link #succeeded} says otherwise. Empty when it may go
     * ahead; otherwise how long the caller must still wait, and the attempt is not counted.
     */
    public Optional<Duration> tryBegin(String username, String address) {
        Instant now = clock.instant();
        forgetOldWhenFull(now);
        Instant blocked = begin("address:" + address, now);
        if (!blocked.isAfter(now)) {
            blocked = begin("user:" + username + "@" + address, now);
        }
        return blocked.isAfter(now) ? Optional.of(Duration.between(now, blocked)) : Optional.empty();
    }

    /** Takes back an attempt that succeeded. */
    public void succeeded(String username, String address) {
        attempts.remove("user:" + username + "@" + address);
        attempts.computeIfPresent(
                "address:" + address,
                (key, old) -> old.count() <= 1
                        ? null
                        : new Attempts(
                                old.count() - 1,
                                old.last(),
                                old.count() - 1 <= FREE_FAILURES ? Instant.MIN : old.blockedUntil()));
    }

    /** Counts an attempt on one key; returns until when the key was blocked (the past when it was not). */
    private Instant begin(String key, Instant now) {
        Instant[] blockedUntil = {Instant.MIN};
        attempts.compute(key, (k, old) -> {
            if (old != null && old.blockedUntil().isAfter(now)) {
                blockedUntil[0] = old.blockedUntil();
                return old;
            }
            int count = old == null || old.last().plus(FORGET_AFTER).isBefore(now) ? 1 : old.count() + 1;
            return new Attempts(count, now, now.plus(backoff(count)));
        });
        return blockedUntil[0];
    }

    private void forgetOldWhenFull(Instant now) {
        if (attempts.size() > MAX_TRACKED) {
            attempts.entrySet()
                    .removeIf(e -> e.getValue().last().plus(FORGET_AFTER).isBefore(now));
            if (attempts.size() > MAX_TRACKED) {
                attempts.clear();
            }
        }
    }

    private static Duration backoff(int attempts) {
        if (attempts <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempts - FREE_FAILURES - 1, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
