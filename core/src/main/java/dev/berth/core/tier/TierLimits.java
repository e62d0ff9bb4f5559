package dev.berth.core.tier;

/**
 * What a tier allows a registry.
 *
 * @param includedStorageBytes storage included in the tier's price; reported, never enforced
 * @param maxStorageBytes storage a registry may use; a push that would pass it is refused
 * @param webhooks how many webhooks a registry may have
 * @param tokens how many repository-scoped tokens
 * @param scopeMaps how many user-defined scope maps
 * @param ipRules how many IP network rules; zero when the tier has no network rules
 * @param replications how many geo-replicas; zero when the tier has none, -1 for unlimited
 * @param anonymousPull whether anonymous pull may be turned on
 * @param rates the request-rate limits
 */
public record TierLimits(
        long includedStorageBytes,
        long maxStorageBytes,
        int webhooks,
        int tokens,
        int scopeMaps,
        int ipRules,
        int replications,
        boolean anonymousPull,
        RequestRates rates) {
    public TierLimits {
        if (includedStorageBytes < 0 || maxStorageBytes < 0 || webhooks < 0 || tokens < 0 || scopeMaps < 0) {
            throw new IllegalArgumentException("tier limits cannot be negative");
        }
        if (ipRules < 0 || replications < -1) {
            throw new IllegalArgumentException("tier limits cannot be negative");
        }
    }

    /** Whether the tier allows IP network rules at all. */
    public boolean networkRules() {
        return ipRules > 0;
    }

    /** Whether the tier allows geo-replication at all. */
    public boolean geoReplication() {
        return replications != 0;
    }

    /** The same limits with other request rates. */
    public TierLimits withRates(RequestRates newRates) {
        return new TierLimits(
                includedStorageBytes,
                maxStorageBytes,
                webhooks,
                tokens,
                scopeMaps,
                ipRules,
                replications,
                anonymousPull,
                newRates);
    }
}
