package dev.berth.core.installation;

import dev.berth.core.auth.PasswordHasher;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.tier.TierCatalog;
import java.time.Clock;

/** The management services of one installation, built together so that they share one view of it. */
public record Management(
        Registries registries,
        RegistryService registryService,
        UsageReport usage,
        StorageReport storage,
        AdminCredentials adminCredentials,
        TokenService tokens,
        RoleService roles,
        UserService users,
        ManagementAccess access,
        TierCatalog tiers) {

    /**
     * @param credentialsChanged called after a password, secret or token changed or went away, so that remembered
     *     sign-ins are forgotten
     */
    public static Management create(
            MetadataStore metadata,
            Registries registries,
            TierCatalog tiers,
            StorageMeter storage,
            PasswordHasher hasher,
            Clock clock,
            Runnable credentialsChanged) {
        UsageReport usage = new UsageReport(metadata, tiers, storage);
        return new Management(
                registries,
                new RegistryService(metadata, registries, tiers, usage, credentialsChanged),
                usage,
                new StorageReport(metadata),
                new AdminCredentials(metadata.identities(), hasher, clock, credentialsChanged),
                new TokenService(metadata, tiers, hasher, clock, credentialsChanged),
                new RoleService(metadata, registries),
                new UserService(metadata, hasher, clock, credentialsChanged),
                new ManagementAccess(metadata),
                tiers);
    }
}
