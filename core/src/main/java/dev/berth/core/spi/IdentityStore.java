package dev.berth.core.spi;

import dev.berth.core.auth.AdminAccount;
import dev.berth.core.auth.NetworkRules;
import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.RoleAssignment;
import dev.berth.core.auth.ScopeMap;
import dev.berth.core.auth.ServicePrincipal;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Users, their role assignments, and each registry's access settings (anonymous pull, network rules). Secrets are
 * kept only as hashes.
 */
public interface IdentityStore {
    Optional<UserRecord> findUser(String name) throws IOException;

    /** Creates a user; false when the name is taken. */
    boolean createUser(UserRecord user) throws IOException;

    boolean hasUsers() throws IOException;

    /** Gives a role; giving it twice is harmless. */
    void assign(RoleAssignment assignment) throws IOException;

    /** Takes a role back; true if it was given. */
    boolean unassign(RoleAssignment assignment) throws IOException;

    /** The roles a subject holds on a registry. */
    List<RoleAssignment> assignments(String subject, long registryId) throws IOException;

    boolean anonymousPull(long registryId) throws IOException;

    void setAnonymousPull(long registryId, boolean enabled) throws IOException;

    /** The registry's network rules; a registry that never had any is open. */
    NetworkRules networkRules(long registryId) throws IOException;

    void setNetworkRules(long registryId, NetworkRules rules) throws IOException;

    /** Creates or replaces a scope map of the registry. */
    void putScopeMap(long registryId, ScopeMap map) throws IOException;

    /** A scope map of the registry by name, the system maps included. */
    Optional<ScopeMap> findScopeMap(long registryId, String name) throws IOException;

    /** Creates or replaces a repository-scoped token. */
    void putToken(RegistryToken token) throws IOException;

    Optional<RegistryToken> findToken(long registryId, String name) throws IOException;

    /** The registry's admin account; disabled when it was never set. */
    AdminAccount adminAccount(long registryId) throws IOException;

    void setAdminAccount(AdminAccount account) throws IOException;

    Optional<ServicePrincipal> findServicePrincipal(String id) throws IOException;

    /** Creates or replaces a service principal. */
    void putServicePrincipal(ServicePrincipal principal) throws IOException;

    /** A local user: a name, a password hash, whether it administers the whole installation, whether it may sign in. */
    record UserRecord(String name, String passwordHash, boolean installationAdmin, boolean enabled) {}
}
