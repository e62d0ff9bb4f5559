package dev.berth.core.access;

import dev.berth.core.auth.AccessScope;
import dev.berth.core.auth.Actions;
import dev.berth.core.auth.Principal;
import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.Role;
import dev.berth.core.auth.RoleAssignment;
import dev.berth.core.spi.IdentityStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which of the actions a principal asks for it may take: the intersection of what was asked and what its
 * roles (or, for anonymous requests, the registry's anonymous-pull setting) allow. Catalog listing needs a role on
 * the whole registry; a role on some repositories does not reveal the others.
 */
public final class AccessPolicy {
    private static final Set<String> ANONYMOUS_READ = Set.of(Actions.PULL, Actions.METADATA_READ);

    private final IdentityStore identities;
    private final InstallationRoles installationRoles;

    /** The roles a subject holds on the whole installation, which reach every registry. */
    @FunctionalInterface
    public interface InstallationRoles {
        List<Role> of(String subject) throws IOException;
    }

    public AccessPolicy(IdentityStore identities, InstallationRoles installationRoles) {
        this.identities = identities;
        this.installationRoles = installationRoles;
    }

    /** A policy that knows only roles held on registries. */
    public AccessPolicy(IdentityStore identities) {
        this(identities, subject -> List.of());
    }

    /** The granted part of the scope asked for, with the same type and name; its actions may be empty. */
    public AccessScope grant(Principal principal, RegistryRecord registry, AccessScope asked) throws IOException {
        Set<String> allowed = allowed(principal, registry, asked);
        if (isCatalog(asked)) {
            return new AccessScope(
                    asked.type(), asked.name(), allowed.contains(Actions.CATALOG) ? Set.of(AccessScope.ALL) : Set.of());
        }
        Set<String> granted = new LinkedHashSet<>();
        for (String action : asked.actions()) {
            if (action.equals(AccessScope.ALL)) {
                granted.addAll(allowed);
                granted.remove(Actions.CATALOG);
            } else if (allowed.contains(action)) {
                granted.add(action);
            }
        }
        return new AccessScope(asked.type(), asked.name(), granted);
    }

    private Set<String> allowed(Principal principal, RegistryRecord registry, AccessScope asked) throws IOException {
        if (principal.installationAdmin()) {
            return Actions.EVERY;
        }
        Set<String> allowed = new HashSet<>();
        if (AccessScope.REPOSITORY.equals(asked.type()) && identities.anonymousPull(registry.id())) {
            allowed.addAll(ANONYMOUS_READ);
        }
        if (principal.isAnonymous()) {
            return allowed;
        }
        if (principal.kind() == Principal.Kind.ADMIN_ACCOUNT) {
            if (Long.parseLong(principal.name()) == registry.id()
                    && identities.adminAccount(registry.id()).enabled()) {
                allowed.addAll(Actions.EVERY);
            }
            return allowed;
        }
        if (principal.kind() == Principal.Kind.TOKEN) {
            allowed.addAll(tokenActions(principal, registry, asked));
            return allowed;
        }
        for (Role role : installationRoles.of(principal.subject())) {
            allowed.addAll(role.actions());
        }
        for (RoleAssignment assignment : identities.assignments(principal.subject(), registry.id())) {
            if (isCatalog(asked)
                    ? assignment.repositoryPattern().equals("*")
                    : isRepository(asked) && assignment.covers(asked.name())) {
                allowed.addAll(assignment.role().actions());
            }
        }
        return allowed;
    }

    /** What a token's scope map gives on a repository of its own registry; tokens never list the catalog. */
    private Set<String> tokenActions(Principal token, RegistryRecord registry, AccessScope asked) throws IOException {
        if (token.tokenRegistryId() != registry.id() || !isRepository(asked)) {
            return Set.of();
        }
        Optional<RegistryToken> record = identities.findToken(registry.id(), token.tokenName());
        if (record.isEmpty() || !record.get().enabled()) {
            return Set.of();
        }
        return identities
                .findScopeMap(registry.id(), record.get().scopeMap())
                .map(map -> map.actionsOn(asked.name()))
                .orElse(Set.of());
    }

    private static boolean isCatalog(AccessScope scope) {
        return AccessScope.REGISTRY.equals(scope.type()) && AccessScope.CATALOG.equals(scope.name());
    }

    private static boolean isRepository(AccessScope scope) {
        return AccessScope.REPOSITORY.equals(scope.type());
    }
}
