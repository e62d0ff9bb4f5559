package dev.berth.core.quota;

import dev.berth.core.spi.UsageStore;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each registry's storage in bytes, counted exactly by the usage store once a reading is
 * {@link #RECOUNT_AFTER_MILLIS} old (by one caller, while the others go on with the old reading) and kept up to date
 * in between by adding what each accepted push added. Deletions are not subtracted: until the next count the meter
 * reads high, which the quota corrects by counting exactly before it refuses anything.
 */
final class UsageMeter {
    static final long RECOUNT_AFTER_MILLIS = 10_000;

    private final UsageStore store;
    private final Clock clock;
    private final Map<Long, Reading> readings = new ConcurrentHashMap<>();

    /** A count and what was added since; replaced whole by the next count. */
    private record Reading(AtomicLong bytes, long countedAt, AtomicBoolean recounting) {
        Reading(long bytes, long countedAt) {
            this(new AtomicLong(bytes), countedAt, new AtomicBoolean());
        }
    }

    UsageMeter(UsageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The registry's bytes as last counted plus what was added since, counted anew when that is old. */
    long bytes(long registryId) throws IOException {
        Reading reading = readings.get(registryId);
        if (reading == null) {
            return count(registryId);
        }
        boolean old = clock.millis() - reading.countedAt() >= RECOUNT_AFTER_MILLIS;
        if (old && reading.recounting().compareAndSet(false, true)) {
            try {
                return count(registryId);
            } finally {
                reading.recounting().set(false);
            }
        }
        return reading.bytes().get();
    }

    /** The registry's bytes counted exactly now. */
    long count(long registryId) throws IOException {
        long now = clock.millis();
        long bytes = store.registry(registryId).totalBytes();
        readings.put(registryId, new Reading(bytes, now));
        return bytes;
    }

    /** Adds what an accepted push added. */
    void add(long registryId, long bytes) {
        Reading reading = readings.get(registryId);
        if (reading != null && bytes != 0) {
            reading.bytes().addAndGet(bytes);
        }
    }
}
