package dev.berth.core.installation;

import dev.berth.core.auth.PasswordHasher;
import dev.berth.core.egress.Egress;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.webhooks.delivery.WebhookSender;
import java.time.Clock;
import java.time.Duration;

/** The management services of one installation, built together so that they share one view of it. */
public record Management(
        Registries registries,
        RegistryService registryService,
        UsageReport usage,
        StorageReport storage,
        AdminCredentials adminCredentials,
        TokenService tokens,
        WebhookService webhooks,
        RoleService roles,
        UserService users,
        ManagementAccess access,
        TierCatalog tiers) {
    /** How long a ping or a redelivery from the management API waits for the receiver: ACR's 5 s. */
    public static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(5);

    /**
     * @param credentialsChanged called after a password, secret or token changed or went away, so that remembered
     *     sign-ins are forgotten
     * @param egress the way out of webhook pings and redeliveries, under the installation's egress policy
     */
    public static Management create(
            MetadataStore metadata,
            Registries registries,
            TierCatalog tiers,
            StorageMeter storage,
            PasswordHasher hasher,
            Clock clock,
            Runnable credentialsChanged,
            Egress egress) {
        UsageReport usage = new UsageReport(metadata, tiers, storage);
        return new Management(
                registries,
                new RegistryService(metadata, registries, tiers, usage, credentialsChanged),
                usage,
                new StorageReport(metadata),
                new AdminCredentials(metadata.identities(), hasher, clock, credentialsChanged),
                new TokenService(metadata, tiers, hasher, clock, credentialsChanged),
                new WebhookService(
                        metadata.webhooks(), tiers, new WebhookSender(egress, WEBHOOK_TIMEOUT, clock), clock),
                new RoleService(metadata, registries),
                new UserService(metadata, hasher, clock, credentialsChanged),
                new ManagementAccess(metadata),
                tiers);
    }
}
