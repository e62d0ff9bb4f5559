package dev.berth.core.throttle;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.tier.RequestRates;
import dev.berth.core.tier.Tier;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.tier.TierLimits;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits requests within the rates of their registry's tier, as ACR throttles: a token bucket per registry and per
 * identity for each class of request, refilling continuously, and a request refused when any bucket that applies to
 * it is empty. A refused request takes no token (those it took from other buckets go back), so the wait it is told
 * counts down. The rates are read from the catalog on every request, for the tier the registry is on at that moment.
 *
 * <p>Each registry has its own buckets and its own map of identities; nothing on the way is locked, and nothing is
 * shared between registries but a concurrent map from registry id to its buckets.
 */
public final class Throttle {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final TierCatalog catalog;
    private final Clock clock;
    private final Map<Long, RegistryBuckets> registries = new ConcurrentHashMap<>();

    public Throttle(TierCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A throttle that admits everything, for servers and tests that want no limits. */
    public static Throttle unlimited() {
        TierCatalog catalog = TierCatalog.defaults();
        for (Tier tier : Tier.values()) {
            TierLimits limits = catalog.limits(tier);
            catalog = catalog.with(
                    tier,
                    new TierLimits(
                            limits.includedStorageBytes(),
                            limits.maxStorageBytes(),
                            limits.webhooks(),
                            limits.tokens(),
                            limits.scopeMaps(),
                            limits.ipRules(),
                            limits.replications(),
                            limits.anonymousPull(),
                            RequestRates.UNLIMITED));
        }
        return new Throttle(catalog, Clock.systemUTC());
    }

    /**
     * Counts a request, or refuses it with {@link ErrorCode#TOOMANYREQUESTS} and a {@code retryAfterSeconds} detail:
     * the whole seconds until every bucket it needs would admit it.
     *
     * @param identity who is asking: the principal's subject, the same whichever credentials it used; every
     *     anonymous request is one identity
     */
    public void admit(RegistryRecord registry, String identity, RequestClass request) {
        RequestRates rates = catalog.limits(registry.tier()).rates();
        Limit[] limits = Limit.of(request);
        long now = TokenBucket.nanos(clock);
        RegistryBuckets buckets = buckets(registry.id());
        TokenBucket[] taken = new TokenBucket[limits.length];
        long longest = 0;
        Limit tripped = null;
        for (int i = 0; i < limits.length; i++) {
            int perMinute = limits[i].perMinute(rates);
            if (perMinute == 0) {
                continue;
            }
            TokenBucket bucket = bucket(buckets, limits[i], identity, perMinute, now);
            long wait = bucket.tryTake(now);
            if (wait == 0) {
                taken[i] = bucket;
            } else if (wait > longest) {
                longest = wait;
                tripped = limits[i];
            }
        }
        if (tripped != null) {
            giveBack(taken);
            throw refusal(registry, tripped, tripped.perMinute(rates), longest);
        }
    }

    /** How many identities the throttle remembers for a registry; for tests. */
    int identities(long registryId) {
        RegistryBuckets buckets = registries.get(registryId);
        return buckets == null ? 0 : buckets.identities();
    }

    private RegistryBuckets buckets(long registryId) {
        RegistryBuckets buckets = registries.get(registryId);
        return buckets != null ? buckets : registries.computeIfAbsent(registryId, id -> new RegistryBuckets());
    }

    private TokenBucket bucket(RegistryBuckets buckets, Limit limit, String identity, int perMinute, long now) {
        Buckets owner = limit.perIdentity() ? buckets.identity(identity, now) : buckets.own();
        return owner.of(limit, perMinute, clock);
    }

    private static void giveBack(TokenBucket[] taken) {
        for (TokenBucket bucket : taken) {
            if (bucket != null) {
                bucket.giveBack();
            }
        }
    }

    private static RegistryException refusal(RegistryRecord registry, Limit limit, int perMinute, long waitNanos) {
        long seconds = Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        return new RegistryException(
                ErrorCode.TOOMANYREQUESTS,
                "too many " + limit.describe() + ": the " + registry.tier().displayName() + " tier allows " + perMinute
                        + " a minute; retry after " + seconds + " s",
                Map.of("retryAfterSeconds", seconds));
    }
}
