package dev.berth.core.throttle;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The buckets of one registry or one identity, one per limit, made when first needed. */
final class Buckets {
    private final AtomicReferenceArray<TokenBucket> byLimit = new AtomicReferenceArray<>(Limit.values().length);

    /**
     * The bucket of a limit at the given rate. A rate that changed (the registry moved to another tier) starts a
     * fresh, full bucket.
     */
    TokenBucket of(Limit limit, int perMinute, Clock clock) {
        int slot = limit.ordinal();
        TokenBucket bucket = byLimit.get(slot);
        if (bucket != null && bucket.perMinute() == perMinute) {
            return bucket;
        }
        TokenBucket fresh = new TokenBucket(perMinute, clock);
        return byLimit.compareAndSet(slot, bucket, fresh) ? fresh : byLimit.get(slot);
    }

    /** Whether every bucket is full, so that forgetting them all changes nothing. */
    boolean isIdle(long now) {
        for (int i = 0; i < byLimit.length(); i++) {
            TokenBucket bucket = byLimit.get(i);
            if (bucket != null && !bucket.isFull(now)) {
                return false;
            }
        }
        return true;
    }
}
