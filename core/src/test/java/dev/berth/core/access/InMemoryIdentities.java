package dev.berth.core.access;

import dev.berth.core.auth.AdminAccount;
import dev.berth.core.auth.NetworkRules;
import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.RoleAssignment;
import dev.berth.core.auth.ScopeMap;
import dev.berth.core.auth.ServicePrincipal;
import dev.berth.core.spi.IdentityStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A small hand-written identity store for the access services' unit tests. */
final class InMemoryIdentities implements IdentityStore {
    private final Map<String, UserRecord> users = new HashMap<>();
    private final List<RoleAssignment> assignments = new ArrayList<>();
    private final Set<Long> anonymousPull = new HashSet<>();
    private final Map<Long, NetworkRules> networkRules = new HashMap<>();

    @Override
    public Optional<UserRecord> findUser(String name) {
        return Optional.ofNullable(users.get(name));
    }

    @Override
    public boolean createUser(UserRecord user) {
        return users.putIfAbsent(user.name(), user) == null;
    }

    @Override
    public boolean hasUsers() {
        return !users.isEmpty();
    }

    @Override
    public void assign(RoleAssignment assignment) {
        if (!assignments.contains(assignment)) {
            assignments.add(assignment);
        }
    }

    @Override
    public boolean unassign(RoleAssignment assignment) {
        return assignments.remove(assignment);
    }

    @Override
    public List<RoleAssignment> assignments(String subject, long registryId) {
        return assignments.stream()
                .filter(a -> a.principalSubject().equals(subject) && a.registryId() == registryId)
                .toList();
    }

    private final Map<String, ScopeMap> scopeMaps = new HashMap<>();
    private final Map<String, RegistryToken> tokens = new HashMap<>();

    private final Map<Long, AdminAccount> adminAccounts = new HashMap<>();
    private final Map<String, ServicePrincipal> servicePrincipals = new HashMap<>();

    @Override
    public Optional<ServicePrincipal> findServicePrincipal(String id) {
        return Optional.ofNullable(servicePrincipals.get(id));
    }

    @Override
    public void putServicePrincipal(ServicePrincipal principal) {
        servicePrincipals.put(principal.id(), principal);
    }

    @Override
    public AdminAccount adminAccount(long registryId) {
        return adminAccounts.getOrDefault(registryId, AdminAccount.disabled(registryId));
    }

    @Override
    public void setAdminAccount(AdminAccount account) {
        adminAccounts.put(account.registryId(), account);
    }

    @Override
    public void putScopeMap(long registryId, ScopeMap map) {
        scopeMaps.put(registryId + "/" + map.name(), map);
    }

    @Override
    public Optional<ScopeMap> findScopeMap(long registryId, String name) {
        return ScopeMap.system(name).or(() -> Optional.ofNullable(scopeMaps.get(registryId + "/" + name)));
    }

    @Override
    public void putToken(RegistryToken token) {
        tokens.put(token.registryId() + "/" + token.name(), token);
    }

    @Override
    public Optional<RegistryToken> findToken(long registryId, String name) {
        return Optional.ofNullable(tokens.get(registryId + "/" + name));
    }

    @Override
    public NetworkRules networkRules(long registryId) {
        return networkRules.getOrDefault(registryId, NetworkRules.OPEN);
    }

    @Override
    public void setNetworkRules(long registryId, NetworkRules rules) {
        networkRules.put(registryId, rules);
    }

    @Override
    public boolean anonymousPull(long registryId) {
        return anonymousPull.contains(registryId);
    }

    @Override
    public void setAnonymousPull(long registryId, boolean enabled) {
        if (enabled) {
            anonymousPull.add(registryId);
        } else {
            anonymousPull.remove(registryId);
        }
    }
}
