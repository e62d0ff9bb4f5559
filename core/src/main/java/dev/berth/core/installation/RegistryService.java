package dev.berth.core.installation;

import dev.berth.core.auth.AdminAccount;
import dev.berth.core.auth.Cidr;
import dev.berth.core.auth.NetworkRules;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.tier.Tier;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.tier.TierLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates, shows, changes and removes registries, holding each to what its tier allows: a feature the tier lacks is
 * refused, and so is a move to a tier that cannot hold what the registry has.
 */
public final class RegistryService {
    private final MetadataStore metadata;
    private final Registries registries;
    private final TierCatalog tiers;
    private final UsageReport usage;
    private final Runnable credentialsChanged;

    /**
     * @param credentialsChanged called when an admin account is turned off or a registry goes, so that remembered
     *     sign-ins to it are forgotten
     */
    public RegistryService(
            MetadataStore metadata,
            Registries registries,
            TierCatalog tiers,
            UsageReport usage,
            Runnable credentialsChanged) {
        this.metadata = metadata;
        this.registries = registries;
        this.tiers = tiers;
        this.usage = usage;
        this.credentialsChanged = credentialsChanged;
    }

    public NameAvailability checkName(String name) throws IOException {
        var problem = RegistryNames.problem(name);
        if (problem.isPresent()) {
            return new NameAvailability(false, "Invalid", problem.get());
        }
        if (registries.find(name).isPresent()) {
            return new NameAvailability(false, "AlreadyExists", "The registry " + name + " is already in use.");
        }
        return NameAvailability.yes();
    }

    /** Creates a registry; {@code CONFLICT} when the name is taken. */
    public RegistryView create(String name, RegistryChange settings) throws IOException {
        String key = RegistryNames.normalize(name);
        Tier tier = settings.tier().orElse(Tier.BASIC);
        RegistryRecord probe = new RegistryRecord(0, key, tier, java.time.Instant.EPOCH);
        NetworkRules rules = networkRules(NetworkRules.OPEN, settings);
        checkFeatures(probe, settings, rules);
        RegistryRecord created = metadata.registries()
                .create(key, tier)
                .orElseThrow(() -> Problems.conflict("The registry " + key + " is already in use."));
        registries.changed();
        apply(created, settings, rules);
        return view(created);
    }

    public RegistryView show(String name) throws IOException {
        return view(require(name));
    }

    public List<RegistryView> list() throws IOException {
        List<RegistryView> views = new ArrayList<>();
        for (RegistryRecord record : metadata.registries().list()) {
            views.add(view(record));
        }
        return views;
    }

    /** Changes a registry's tier and settings, all checked before any is applied. */
    public RegistryView update(String name, RegistryChange change) throws IOException {
        RegistryRecord current = require(name);
        Tier tier = change.tier().orElse(current.tier());
        RegistryRecord target = new RegistryRecord(current.id(), current.name(), tier, current.createdAt());
        NetworkRules rules = networkRules(metadata.identities().networkRules(current.id()), change);
        checkFeatures(target, change, rules);
        if (tier != current.tier()) {
            checkFits(current, tier, change, rules);
            metadata.registries().setTier(current.id(), tier);
            registries.changed();
        }
        apply(target, change, rules);
        return view(require(name));
    }

    /** Removes a registry and everything in it; the default registry stays. */
    public void delete(String name) throws IOException {
        RegistryRecord registry = require(name);
        if (registry.name().equals(registries.defaultName())) {
            throw Problems.conflict("the default registry " + registry.name() + " cannot be deleted");
        }
        metadata.registries().delete(registry.id());
        registries.changed();
        credentialsChanged.run();
    }

    /** The registry of that name, or {@code RESOURCE_NOT_FOUND}. */
    public RegistryRecord require(String name) throws IOException {
        return registries.find(name).orElseThrow(() -> Problems.notFound("registry '" + name + "'"));
    }

    public RegistryView view(RegistryRecord record) throws IOException {
        return new RegistryView(
                record,
                registries.loginServer(record.name()),
                metadata.identities().adminAccount(record.id()).enabled(),
                metadata.identities().anonymousPull(record.id()),
                metadata.identities().networkRules(record.id()));
    }

    private static NetworkRules networkRules(NetworkRules current, RegistryChange change) {
        return new NetworkRules(
                change.publicNetworkAccess().orElse(current.publicNetworkAccess()),
                change.defaultAction().orElse(current.defaultAction()),
                change.ipRules().orElse(current.allowed()));
    }

    private void checkFeatures(RegistryRecord registry, RegistryChange change, NetworkRules rules) {
        TierLimits limits = tiers.limits(registry.tier());
        String tier = registry.tier().displayName();
        if (change.anonymousPullEnabled().orElse(false) && !limits.anonymousPull()) {
            throw Problems.unsupported("anonymous pull", tier);
        }
        boolean restricted = !rules.allowed().isEmpty()
                || rules.defaultAction() == NetworkRules.DefaultAction.DENY
                || !rules.publicNetworkAccess();
        boolean changesRules = change.ipRules().isPresent()
                || change.defaultAction().isPresent()
                || change.publicNetworkAccess().isPresent();
        if (changesRules && restricted && !limits.networkRules()) {
            throw Problems.unsupported("network rules (IP rules, default action Deny, public access off)", tier);
        }
        if (rules.allowed().size() > limits.ipRules() && limits.networkRules()) {
            throw Problems.quota("IPRules", limits.ipRules(), tier);
        }
    }

    /** Refuses a move to a tier that cannot hold what the registry has now. */
    private void checkFits(RegistryRecord current, Tier target, RegistryChange change, NetworkRules rules)
            throws IOException {
        TierLimits limits = tiers.limits(target);
        UsageReport.Counts counts = usage.counts(current.id());
        List<String> misfits = new ArrayList<>();
        if (counts.storageBytes() > limits.maxStorageBytes()) {
            misfits.add("it stores " + counts.storageBytes() + " bytes, more than " + limits.maxStorageBytes());
        }
        if (counts.tokens() > limits.tokens()) {
            misfits.add("it has " + counts.tokens() + " tokens, more than " + limits.tokens());
        }
        if (counts.scopeMaps() > limits.scopeMaps()) {
            misfits.add("it has " + counts.scopeMaps() + " scope maps, more than " + limits.scopeMaps());
        }
        if (counts.webhooks() > limits.webhooks()) {
            misfits.add("it has " + counts.webhooks() + " webhooks, more than " + limits.webhooks());
        }
        if (rules.allowed().size() > limits.ipRules()) {
            misfits.add("it has " + rules.allowed().size() + " IP rules, more than " + limits.ipRules());
        }
        if (!limits.networkRules()
                && (rules.defaultAction() == NetworkRules.DefaultAction.DENY || !rules.publicNetworkAccess())) {
            misfits.add("its network rules restrict access, which the tier lacks");
        }
        if (change.anonymousPullEnabled().orElse(counts.anonymousPull()) && !limits.anonymousPull()) {
            misfits.add("anonymous pull is on, which the tier lacks");
        }
        if (!misfits.isEmpty()) {
            throw Problems.conflict("the registry " + current.name() + " cannot move to the " + target.displayName()
                    + " tier: " + String.join("; ", misfits));
        }
    }

    private void apply(RegistryRecord registry, RegistryChange change, NetworkRules rules) throws IOException {
        long id = registry.id();
        if (change.anonymousPullEnabled().isPresent()) {
            metadata.identities()
                    .setAnonymousPull(id, change.anonymousPullEnabled().get());
        }
        if (change.adminUserEnabled().isPresent()) {
            AdminAccount account = metadata.identities().adminAccount(id);
            metadata.identities()
                    .setAdminAccount(
                            new AdminAccount(id, change.adminUserEnabled().get(), account.passwords()));
        }
        if (change.publicNetworkAccess().isPresent()
                || change.defaultAction().isPresent()
                || change.ipRules().isPresent()) {
            metadata.identities().setNetworkRules(id, rules);
        }
    }

    /** Parses IP rules, each an IPv4 address or range, as {@code INVALID_REQUEST} when one is not. */
    public static List<Cidr> ipRules(List<String> values) {
        List<Cidr> rules = new ArrayList<>();
        for (String value : values) {
            try {
                rules.add(Cidr.parse(value));
            } catch (IllegalArgumentException e) {
                throw Problems.invalid("not an IPv4 address or range: '" + value + "'");
            }
        }
        return rules;
    }
}
