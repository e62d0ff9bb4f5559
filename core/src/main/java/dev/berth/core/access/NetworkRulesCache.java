package dev.berth.core.access;

import dev.berth.core.auth.NetworkRules;
import dev.berth.core.spi.IdentityStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each registry's network rules, read from the store at most every two seconds: every request is checked against
 * them, and a read per request would cost more than the rest of a small request. A change takes effect within that
 * time (ACR's take minutes).
 */
public final class NetworkRulesCache {
    private static final Duration FRESH = Duration.ofSeconds(2);

    private final IdentityStore identities;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(NetworkRules rules, Instant until) {}

    public NetworkRulesCache(IdentityStore identities, Clock clock) {
        this.identities = identities;
        this.clock = clock;
    }

    public NetworkRules of(long registryId) throws IOException {
        Instant now = clock.instant();
        Cached cached = cache.get(registryId);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.rules();
        }
        NetworkRules rules = identities.networkRules(registryId);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(registryId, new Cached(rules, now.plus(FRESH)));
        return rules;
    }
}
