package dev.berth.core.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bucket of {@code perMinute} tokens that refills continuously at {@code perMinute} tokens a minute: a burst may
 * empty it at once, after which a request is admitted each time a token has dripped back in.
 *
 * <p>The state is one number: the instant at which the bucket will be full again if nothing more is taken (the
 * "theoretical arrival time" of the generic cell rate algorithm, a token bucket by another name). Taking a token
 * pushes that instant one refill interval further, and is refused when it would run more than a minute ahead of now.
 * A full bucket and a bucket never used look the same, so a full one can be forgotten without losing anything.
 * Taking is a compare-and-set, never a lock.
 */
public final class TokenBucket {
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final int perMinute;
    private final Clock clock;
    /** Nanoseconds for one token to drip back in. */
    private final long interval;
    /** How far ahead of now {@link #fullAt} may run: the time the whole bucket takes to refill. */
    private final long depth;
    /** Nanoseconds since the epoch at which the bucket is full again. */
    private final AtomicLong fullAt = new AtomicLong(Long.MIN_VALUE);

    public TokenBucket(int perMinute, Clock clock) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("a bucket holds at least one token a minute");
        }
        this.perMinute = perMinute;
        this.clock = clock;
        this.interval = NANOS_PER_MINUTE / perMinute;
        this.depth = interval * perMinute;
    }

    /** Takes a token: {@link Duration#ZERO} when one was there, otherwise how long until one will be. */
    public Duration tryTake() {
        long wait = tryTake(nanos(clock));
        return wait == 0 ? Duration.ZERO : Duration.ofNanos(wait);
    }

    /** The tokens a minute this bucket was made with. */
    public int perMinute() {
        return perMinute;
    }

    /** Takes a token at {@code now}: 0 when one was there, otherwise the nanoseconds until one will be. */
    long tryTake(long now) {
        while (true) {
            long full = fullAt.get();
            long next = Math.max(full, now) + interval;
            long wait = next - now - depth;
            if (wait > 0) {
                return wait;
            }
            if (fullAt.compareAndSet(full, next)) {
                return 0;
            }
        }
    }

    /** Returns a token taken for a request that another bucket then refused. */
    void giveBack() {
        fullAt.addAndGet(-interval);
    }

    /** Whether the bucket is full at {@code now}, so that forgetting it changes nothing. */
    boolean isFull(long now) {
        return fullAt.get() <= now;
    }

    /** A clock's time in nanoseconds since the epoch. */
    static long nanos(Clock clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
