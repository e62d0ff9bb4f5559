package dev.berth.core.installation;

import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.tier.TierLimits;
import java.io.IOException;
import java.util.List;

/**
 * What a registry uses of what its tier allows: storage, webhooks, replicas, IP rules, scope maps and tokens. Also
 * what {@link RegistryService} checks before moving a registry to a smaller tier.
 */
public final class UsageReport {
    private final MetadataStore metadata;
    private final TierCatalog tiers;
    private final StorageMeter storage;

    public UsageReport(MetadataStore metadata, TierCatalog tiers, StorageMeter storage) {
        this.metadata = metadata;
        this.tiers = tiers;
        this.storage = storage;
    }

    /** ACR's usage lines, with the limits of the registry's tier. */
    public List<Usage> of(RegistryRecord registry) throws IOException {
        TierLimits limits = tiers.limits(registry.tier());
        Counts counts = counts(registry.id());
        return List.of(
                new Usage("Size", limits.maxStorageBytes(), counts.storageBytes(), "Bytes"),
                new Usage("IncludedStorage", limits.includedStorageBytes(), counts.storageBytes(), "Bytes"),
                new Usage("Webhooks", limits.webhooks(), counts.webhooks(), "Count"),
                new Usage("Geo-replications", limits.replications(), 0, "Count"),
                new Usage("IPRules", limits.ipRules(), counts.ipRules(), "Count"),
                new Usage("ScopeMaps", limits.scopeMaps(), counts.scopeMaps(), "Count"),
                new Usage("Tokens", limits.tokens(), counts.tokens(), "Count"));
    }

    /** What a registry holds that a tier limits. */
    record Counts(long storageBytes, int webhooks, int ipRules, int scopeMaps, int tokens, boolean anonymousPull) {}

    Counts counts(long registryId) throws IOException {
        return new Counts(
                storage.bytes(registryId),
                metadata.webhooks().list(registryId).size(),
                metadata.identities().networkRules(registryId).allowed().size(),
                metadata.directory().scopeMaps(registryId).size(),
                metadata.directory().tokens(registryId).size(),
                metadata.identities().anonymousPull(registryId));
    }
}
