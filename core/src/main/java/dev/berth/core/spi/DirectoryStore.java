package dev.berth.core.spi;

import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.Role;
import dev.berth.core.auth.RoleAssignment;
import dev.berth.core.auth.ScopeMap;
import dev.berth.core.auth.ServicePrincipal;
import dev.berth.core.spi.IdentityStore.UserRecord;
import java.io.IOException;
import java.util.List;

/**
 * The management side of identities: listing and removing what {@link IdentityStore} finds one at a time, and the
 * roles held on the whole installation. The data plane never needs it; the management API does.
 */
public interface DirectoryStore {
    /** Every local user, by name. */
    List<UserRecord> users() throws IOException;

    /** Replaces a user's password hash, administrator flag and enabled flag; false when there is no such user. */
    boolean updateUser(UserRecord user) throws IOException;

    /** Removes a user and every role it holds; false when there was none. */
    boolean deleteUser(String name) throws IOException;

    /** Every service principal, by id. */
    List<ServicePrincipal> servicePrincipals() throws IOException;

    /** Removes a service principal and every role it holds; false when there was none. */
    boolean deleteServicePrincipal(String id) throws IOException;

    /** A registry's user-defined scope maps, by name (the system maps are not stored). */
    List<ScopeMap> scopeMaps(long registryId) throws IOException;

    boolean deleteScopeMap(long registryId, String name) throws IOException;

    /**
     * Creates a user-defined scope map unless one of that name exists or the registry already has {@code limit}:
     * the count and the insert are one transaction, so concurrent creates cannot pass the limit.
     */
    Creation createScopeMap(long registryId, ScopeMap map, int limit) throws IOException;

    /** Creates a token unless one of that name exists or the registry already has {@code limit}, atomically. */
    Creation createToken(RegistryToken token, int limit) throws IOException;

    /** What a create within a limit did. */
    enum Creation {
        CREATED,
        EXISTS,
        LIMIT_REACHED
    }

    /** A registry's tokens, by name. */
    List<RegistryToken> tokens(long registryId) throws IOException;

    boolean deleteToken(long registryId, String name) throws IOException;

    /** Every role held on a registry, by subject. */
    List<RoleAssignment> registryAssignments(long registryId) throws IOException;

    /** The roles a subject holds on the whole installation. */
    List<Role> installationRoles(String subject) throws IOException;

    /** Every role held on the whole installation. */
    List<InstallationRole> installationAssignments() throws IOException;

    /** Gives a role on the whole installation; giving it twice is harmless. */
    void assignInstallation(InstallationRole assignment) throws IOException;

    /** Takes a role on the whole installation back; true if it was given. */
    boolean unassignInstallation(InstallationRole assignment) throws IOException;

    /** A role held on the whole installation. */
    record InstallationRole(String subject, Role role) {}
}
