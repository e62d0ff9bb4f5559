package dev.berth.core.throttle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One registry's buckets and those of each identity that used it. Identities whose buckets have filled up again (at
 * most a minute after their last request) are forgotten when the map has doubled since the last sweep, so memory
 * stays within about twice the identities active in the last minute, and sweeping costs O(1) per new identity.
 */
final class RegistryBuckets {
    /** Below this many identities nobody is swept. */
    static final int FIRST_SWEEP = 1024;

    private final Buckets own = new Buckets();
    private final Map<String, Buckets> identities = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile int sweepAt = FIRST_SWEEP;

    Buckets own() {
        return own;
    }

    Buckets identity(String identity, long now) {
        Buckets buckets = identities.get(identity);
        if (buckets != null) {
            return buckets;
        }
        if (identities.size() >= sweepAt) {
            sweep(now);
        }
        return identities.computeIfAbsent(identity, key -> new Buckets());
    }

    /** How many identities are remembered; for tests. */
    int identities() {
        return identities.size();
    }

    private void sweep(long now) {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            identities.values().removeIf(buckets -> buckets.isIdle(now));
            sweepAt = Math.max(FIRST_SWEEP, 2 * identities.size());
        } finally {
            sweeping.set(false);
        }
    }
}
