package dev.berth.core.installation;

import dev.berth.core.auth.PasswordHasher;
import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.RegistryToken.Password;
import dev.berth.core.auth.ScopeMap;
import dev.berth.core.auth.Secrets;
import dev.berth.core.spi.DirectoryStore.Creation;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.tier.TierLimits;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A registry's scope maps and repository-scoped tokens, within the counts its tier allows. A token's passwords
 * ({@code password1}, {@code password2}) are shown once, when made.
 */
public final class TokenService {
    public static final List<String> PASSWORD_NAMES = List.of("password1", "password2");
    private static final int MAX_ACTIONS = 500;

    private final MetadataStore metadata;
    private final TierCatalog tiers;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Runnable credentialsChanged;

    public TokenService(
            MetadataStore metadata,
            TierCatalog tiers,
            PasswordHasher hasher,
            Clock clock,
            Runnable credentialsChanged) {
        this.metadata = metadata;
        this.tiers = tiers;
        this.hasher = hasher;
        this.clock = clock;
        this.credentialsChanged = credentialsChanged;
    }

    /** A scope map and whether the system defines it. */
    public record ScopeMapView(ScopeMap map, boolean system) {}

    /** The system maps first, then the registry's own, by name. */
    public List<ScopeMapView> scopeMaps(RegistryRecord registry) throws IOException {
        List<ScopeMapView> views = new ArrayList<>();
        ScopeMap.SYSTEM.forEach(map -> views.add(new ScopeMapView(map, true)));
        metadata.directory().scopeMaps(registry.id()).forEach(map -> views.add(new ScopeMapView(map, false)));
        return views;
    }

    public ScopeMapView scopeMap(RegistryRecord registry, String name) throws IOException {
        return metadata.identities()
                .findScopeMap(registry.id(), name)
                .map(map -> new ScopeMapView(map, ScopeMap.system(name).isPresent()))
                .orElseThrow(() -> Problems.notFound("scope map '" + name + "'"));
    }

    /**
     * Creates or changes a scope map. An absent description or action list keeps the current one (or empty, for a
     * new map).
     *
     * @return whether it was created
     */
    public boolean putScopeMap(
            RegistryRecord registry, String name, Optional<String> description, Optional<List<String>> actions)
            throws IOException {
        ResourceNames.check("scope map", name);
        if (ScopeMap.system(name).isPresent()) {
            throw Problems.conflict("the system scope map " + name + " cannot be changed");
        }
        Optional<ScopeMap> current = metadata.identities().findScopeMap(registry.id(), name);
        List<String> newActions = actions.orElse(current.map(ScopeMap::actions).orElse(List.of()));
        if (newActions.size() > MAX_ACTIONS) {
            throw Problems.invalid("a scope map holds at most " + MAX_ACTIONS + " actions");
        }
        ScopeMap map;
        try {
            map = new ScopeMap(
                    name, description.orElse(current.map(ScopeMap::description).orElse("")), newActions);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(e.getMessage());
        }
        if (current.isPresent()) {
            metadata.identities().putScopeMap(registry.id(), map);
            return false;
        }
        TierLimits limits = tiers.limits(registry.tier());
        Creation created = metadata.directory().createScopeMap(registry.id(), map, limits.scopeMaps());
        if (created == Creation.LIMIT_REACHED) {
            throw Problems.quota(
                    "scopeMaps", limits.scopeMaps(), registry.tier().displayName());
        }
        if (created == Creation.EXISTS) {
            metadata.identities().putScopeMap(registry.id(), map);
            return false;
        }
        return true;
    }

    public void deleteScopeMap(RegistryRecord registry, String name) throws IOException {
        if (ScopeMap.system(name).isPresent()) {
            throw Problems.conflict("the system scope map " + name + " cannot be deleted");
        }
        for (RegistryToken token : metadata.directory().tokens(registry.id())) {
            if (token.scopeMap().equals(name)) {
                throw Problems.conflict("the scope map " + name + " is used by the token " + token.name());
            }
        }
        if (!metadata.directory().deleteScopeMap(registry.id(), name)) {
            throw Problems.notFound("scope map '" + name + "'");
        }
    }

    public List<RegistryToken> tokens(RegistryRecord registry) throws IOException {
        return metadata.directory().tokens(registry.id());
    }

    public RegistryToken token(RegistryRecord registry, String name) throws IOException {
        return metadata.identities()
                .findToken(registry.id(), name)
                .orElseThrow(() -> Problems.notFound("token '" + name + "'"));
    }

    /** A token just created, with the values of its passwords. */
    public record CreatedToken(RegistryToken token, List<IssuedSecret> passwords) {}

    /** Creates a token, with both passwords unless told not to; {@code CONFLICT} when it exists. */
    public CreatedToken createToken(
            RegistryRecord registry, String name, String scopeMap, boolean enabled, boolean withPasswords)
            throws IOException {
        ResourceNames.check("token", name);
        if (metadata.identities().findToken(registry.id(), name).isPresent()) {
            throw Problems.conflict("the token " + name + " exists already");
        }
        TierLimits limits = tiers.limits(registry.tier());
        requireScopeMap(registry, scopeMap);
        List<IssuedSecret> issued = new ArrayList<>();
        List<Password> passwords = new ArrayList<>();
        if (withPasswords) {
            for (String passwordName : PASSWORD_NAMES) {
                IssuedSecret secret = issue(passwordName, null);
                issued.add(secret);
                passwords.add(new Password(passwordName, hasher.hash(secret.value()), null));
            }
        }
        RegistryToken token = new RegistryToken(registry.id(), name, scopeMap, enabled, passwords);
        Creation created = metadata.directory().createToken(token, limits.tokens());
        if (created == Creation.LIMIT_REACHED) {
            throw Problems.quota("tokens", limits.tokens(), registry.tier().displayName());
        }
        if (created == Creation.EXISTS) {
            throw Problems.conflict("the token " + name + " exists already");
        }
        return new CreatedToken(token, issued);
    }

    /** Changes a token's scope map or status; its passwords stay. */
    public RegistryToken updateToken(
            RegistryRecord registry, String name, Optional<String> scopeMap, Optional<Boolean> enabled)
            throws IOException {
        RegistryToken current = token(registry, name);
        if (scopeMap.isPresent()) {
            requireScopeMap(registry, scopeMap.get());
        }
        RegistryToken changed = new RegistryToken(
                registry.id(),
                name,
                scopeMap.orElse(current.scopeMap()),
                enabled.orElse(current.enabled()),
                current.passwords());
        metadata.identities().putToken(changed);
        credentialsChanged.run();
        return changed;
    }

    public void deleteToken(RegistryRecord registry, String name) throws IOException {
        if (!metadata.directory().deleteToken(registry.id(), name)) {
            throw Problems.notFound("token '" + name + "'");
        }
        credentialsChanged.run();
    }

    /** Makes a new value for one of a token's passwords, replacing the old one at once. */
    public IssuedSecret generatePassword(
            RegistryRecord registry, String tokenName, String passwordName, Optional<Instant> expiry)
            throws IOException {
        checkPasswordName(passwordName);
        if (expiry.isPresent() && !expiry.get().isAfter(clock.instant())) {
            throw Problems.invalid("the expiry is in the past");
        }
        RegistryToken current = token(registry, tokenName);
        IssuedSecret secret = issue(passwordName, expiry.orElse(null));
        List<Password> passwords = without(current.passwords(), passwordName);
        passwords.add(new Password(passwordName, hasher.hash(secret.value()), secret.expiry()));
        passwords.sort(Comparator.comparing(Password::name));
        metadata.identities()
                .putToken(
                        new RegistryToken(registry.id(), tokenName, current.scopeMap(), current.enabled(), passwords));
        credentialsChanged.run();
        return secret;
    }

    /** Removes one of a token's passwords. */
    public RegistryToken deletePassword(RegistryRecord registry, String tokenName, String passwordName)
            throws IOException {
        checkPasswordName(passwordName);
        RegistryToken current = token(registry, tokenName);
        RegistryToken changed = new RegistryToken(
                registry.id(),
                tokenName,
                current.scopeMap(),
                current.enabled(),
                without(current.passwords(), passwordName));
        metadata.identities().putToken(changed);
        credentialsChanged.run();
        return changed;
    }

    private void requireScopeMap(RegistryRecord registry, String name) throws IOException {
        if (metadata.identities().findScopeMap(registry.id(), name).isEmpty()) {
            throw Problems.invalid("no scope map named '" + name + "' in the registry " + registry.name());
        }
    }

    private static void checkPasswordName(String name) {
        if (!PASSWORD_NAMES.contains(name)) {
            throw Problems.invalid("a token's passwords are named password1 and password2, not '" + name + "'");
        }
    }

    private static List<Password> without(List<Password> passwords, String name) {
        List<Password> kept = new ArrayList<>();
        for (Password password : passwords) {
            if (!password.name().equals(name)) {
                kept.add(password);
            }
        }
        return kept;
    }

    private IssuedSecret issue(String name, Instant expiry) {
        return new IssuedSecret(name, Secrets.generate(), clock.instant(), expiry);
    }
}
