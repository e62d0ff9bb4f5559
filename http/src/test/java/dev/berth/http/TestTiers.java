package dev.berth.http;

import dev.berth.core.tier.RequestRates;
import dev.berth.core.tier.Tier;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.tier.TierLimits;

/** Tier catalogs with tiny limits on the Basic tier, so that tests reach them in a few requests. */
public final class TestTiers {
    private TestTiers() {}

    /** ACR's catalog with the Basic tier's request rates replaced. */
    public static TierCatalog basicRates(RequestRates rates) {
        return basic(TierCatalog.defaults().limits(Tier.BASIC).maxStorageBytes(), rates);
    }

    /** ACR's catalog with the Basic tier's maximum storage replaced and no request limits on it. */
    public static TierCatalog basicStorage(long maxStorageBytes) {
        return basic(maxStorageBytes, RequestRates.UNLIMITED);
    }

    private static TierCatalog basic(long maxStorageBytes, RequestRates rates) {
        TierLimits acr = TierCatalog.defaults().limits(Tier.BASIC);
        return TierCatalog.defaults()
                .with(
                        Tier.BASIC,
                        new TierLimits(
                                Math.min(acr.includedStorageBytes(), maxStorageBytes),
                                maxStorageBytes,
                                acr.webhooks(),
                                acr.tokens(),
                                acr.scopeMaps(),
                                acr.ipRules(),
                                acr.replications(),
                                acr.anonymousPull(),
                                rates));
    }
}
