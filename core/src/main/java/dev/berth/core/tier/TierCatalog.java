package dev.berth.core.tier;

import java.util.EnumMap;
import java.util.Map;

/**
 * The limits of every tier. The defaults are Azure Container Registry's; an installation may change them (a small
 * installation may want smaller storage maximums, a test tiny ones).
 */
public final class TierCatalog {
    private static final long GIB = 1L << 30;
    private static final long TIB = 1L << 40;

    private final Map<Tier, TierLimits> limits;

    public TierCatalog(Map<Tier, TierLimits> limits) {
        this.limits = new EnumMap<>(limits);
        for (Tier tier : Tier.values()) {
            if (!this.limits.containsKey(tier)) {
                throw new IllegalArgumentException("no limits for tier " + tier.displayName());
            }
        }
    }

    /** ACR's limits: storage, webhooks, tokens and scope maps, IP rules, replicas, anonymous pull, request rates. */
    public static TierCatalog defaults() {
        return new TierCatalog(Map.of(
                Tier.BASIC, new TierLimits(10 * GIB, 40 * TIB, 2, 100, 100, 0, 0, false, standardRates()),
                Tier.STANDARD, new TierLimits(100 * GIB, 40 * TIB, 10, 500, 500, 0, 0, true, standardRates()),
                Tier.PREMIUM,
                        new TierLimits(500 * GIB, 100 * TIB, 500, 50_000, 50_000, 200, -1, true, premiumRates())));
    }

    private static RequestRates standardRates() {
        return new RequestRates(10_000, 5_000, 2_000, 1_000, 1_000, 500, 500, 250, 10_000);
    }

    private static RequestRates premiumRates() {
        return new RequestRates(20_000, 10_000, 4_000, 2_000, 4_000, 2_000, 2_000, 1_000, 20_000);
    }

    public TierLimits limits(Tier tier) {
        return limits.get(tier);
    }

    /** A copy with one tier's limits replaced. */
    public TierCatalog with(Tier tier, TierLimits replacement) {
        Map<Tier, TierLimits> copy = new EnumMap<>(limits);
        copy.put(tier, replacement);
        return new TierCatalog(copy);
    }
}
