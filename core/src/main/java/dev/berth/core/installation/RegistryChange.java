package dev.berth.core.installation;

import dev.berth.core.auth.Cidr;
import dev.berth.core.auth.NetworkRules.DefaultAction;
import dev.berth.core.tier.Tier;
import java.util.List;
import java.util.Optional;

/** What a create or update asks to set on a registry; an empty field leaves that setting as it is. */
public record RegistryChange(
        Optional<Tier> tier,
        Optional<Boolean> adminUserEnabled,
        Optional<Boolean> anonymousPullEnabled,
        Optional<Boolean> publicNetworkAccess,
        Optional<DefaultAction> defaultAction,
        Optional<List<Cidr>> ipRules) {
    public static final RegistryChange NONE = new RegistryChange(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public RegistryChange withTier(Tier newTier) {
        return new RegistryChange(
                Optional.of(newTier),
                adminUserEnabled,
                anonymousPullEnabled,
                publicNetworkAccess,
                defaultAction,
                ipRules);
    }
}
