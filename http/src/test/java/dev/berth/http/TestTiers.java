package dev.berth.http;

import dev.berth.core.tier.RequestRates;
import dev.berth.core.tier.Tier;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.tier.TierLimits;

/** Tier catalogs with tiny limits, so that tests reach them in a few requests or bytes. */
public final class TestTiers {
    private TestTiers() {}

    /** ACR's catalog with the Basic tier's request rates replaced. */
    public static TierCatalog basicRates(RequestRates rates) {
        TierCatalog acr = TierCatalog.defaults();
        return acr.with(
                Tier.BASIC,
                limits(acr.limits(Tier.BASIC), acr.limits(Tier.BASIC).maxStorageBytes(), rates));
    }

    /** ACR's catalog with the Basic and Standard tiers' maximum storage replaced, and no request limits on them. */
    public static TierCatalog storage(long basicMax, long standardMax) {
        TierCatalog acr = TierCatalog.defaults();
        return acr.with(Tier.BASIC, limits(acr.limits(Tier.BASIC), basicMax, RequestRates.UNLIMITED))
                .with(Tier.STANDARD, limits(acr.limits(Tier.STANDARD), standardMax, RequestRates.UNLIMITED));
    }

    private static TierLimits limits(TierLimits acr, long maxStorageBytes, RequestRates rates) {
        return new TierLimits(
                Math.min(acr.includedStorageBytes(), maxStorageBytes),
                maxStorageBytes,
                acr.webhooks(),
                acr.tokens(),
                acr.scopeMaps(),
                acr.ipRules(),
                acr.replications(),
                acr.anonymousPull(),
                rates);
    }
}
