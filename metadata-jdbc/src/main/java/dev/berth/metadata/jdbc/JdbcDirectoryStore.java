package dev.berth.metadata.jdbc;

import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.Role;
import dev.berth.core.auth.RoleAssignment;
import dev.berth.core.auth.ScopeMap;
import dev.berth.core.auth.ServicePrincipal;
import dev.berth.core.spi.DirectoryStore;
import dev.berth.core.spi.IdentityStore.UserRecord;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

final class JdbcDirectoryStore implements DirectoryStore {
    private final Database database;
    private final Clock clock;

    JdbcDirectoryStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<UserRecord> users() throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT name, password_hash, installation_admin, enabled FROM users ORDER BY name",
                JdbcIdentityStore::user));
    }

    @Override
    public boolean updateUser(UserRecord user) throws IOException {
        return database.write(c -> Sql.update(
                        c,
                        "UPDATE users SET password_hash = ?, installation_admin = ?, enabled = ? WHERE name = ?",
                        user.passwordHash(),
                        user.installationAdmin(),
                        user.enabled(),
                        user.name()))
                > 0;
    }

    @Override
    public boolean deleteUser(String name) throws IOException {
        return database.write(c -> {
            forgetRoles(c, "user:" + name);
            return Sql.update(c, "DELETE FROM users WHERE name = ?", name) > 0;
        });
    }

    @Override
    public List<ServicePrincipal> servicePrincipals() throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT id, display_name, enabled, secrets FROM service_principals ORDER BY id",
                row -> new ServicePrincipal(
                        row.getString(1),
                        row.getString(2),
                        row.getBoolean(3),
                        JdbcIdentityStore.passwords(row.getString(4)))));
    }

    @Override
    public boolean deleteServicePrincipal(String id) throws IOException {
        return database.write(c -> {
            forgetRoles(c, "service_principal:" + id);
            return Sql.update(c, "DELETE FROM service_principals WHERE id = ?", id) > 0;
        });
    }

    private static void forgetRoles(Connection c, String subject) throws SQLException {
        Sql.update(c, "DELETE FROM role_assignments WHERE subject = ?", subject);
        Sql.update(c, "DELETE FROM installation_role_assignments WHERE subject = ?", subject);
    }

    @Override
    public List<ScopeMap> scopeMaps(long registryId) throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT name, description, actions FROM scope_maps WHERE registry_id = ? ORDER BY name",
                row -> new ScopeMap(row.getString(1), row.getString(2), JdbcIdentityStore.strings(row.getString(3))),
                registryId));
    }

    @Override
    public boolean deleteScopeMap(long registryId, String name) throws IOException {
        return database.write(
                c -> Sql.update(c, "DELETE FROM scope_maps WHERE registry_id = ? AND name = ?", registryId, name) > 0);
    }

    @Override
    public Creation createScopeMap(long registryId, ScopeMap map, int limit) throws IOException {
        return database.write(c -> {
            if (count(c, "scope_maps", registryId, map.name()) > 0) {
                return Creation.EXISTS;
            }
            if (count(c, "scope_maps", registryId, null) >= limit) {
                return Creation.LIMIT_REACHED;
            }
            JdbcIdentityStore.upsertScopeMap(c, registryId, map);
            return Creation.CREATED;
        });
    }

    @Override
    public Creation createToken(RegistryToken token, int limit) throws IOException {
        return database.write(c -> {
            if (count(c, "registry_tokens", token.registryId(), token.name()) > 0) {
                return Creation.EXISTS;
            }
            if (count(c, "registry_tokens", token.registryId(), null) >= limit) {
                return Creation.LIMIT_REACHED;
            }
            JdbcIdentityStore.upsertToken(c, token);
            return Creation.CREATED;
        });
    }

    /** Rows of a registry in one of the two tables keyed by (registry_id, name); of one name when given. */
    private static long count(Connection c, String table, long registryId, String name) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + table + " WHERE registry_id = ?" + (name == null ? "" : " AND name = ?");
        Object[] params = name == null ? new Object[] {registryId} : new Object[] {registryId, name};
        return Sql.first(c, sql, row -> row.getLong(1), params).orElse(0L);
    }

    @Override
    public List<RegistryToken> tokens(long registryId) throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT registry_id, name, scope_map, enabled, passwords FROM registry_tokens WHERE registry_id = ?"
                        + " ORDER BY name",
                JdbcIdentityStore::token,
                registryId));
    }

    @Override
    public boolean deleteToken(long registryId, String name) throws IOException {
        return database.write(c ->
                Sql.update(c, "DELETE FROM registry_tokens WHERE registry_id = ? AND name = ?", registryId, name) > 0);
    }

    @Override
    public List<RoleAssignment> registryAssignments(long registryId) throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT subject, registry_id, repository_pattern, role FROM role_assignments WHERE registry_id = ?"
                        + " ORDER BY subject, repository_pattern, role",
                row -> new RoleAssignment(
                        row.getString(1), row.getLong(2), row.getString(3), Role.valueOf(row.getString(4))),
                registryId));
    }

    @Override
    public List<Role> installationRoles(String subject) throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT role FROM installation_role_assignments WHERE subject = ? ORDER BY role",
                row -> Role.valueOf(row.getString(1)),
                subject));
    }

    @Override
    public List<InstallationRole> installationAssignments() throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT subject, role FROM installation_role_assignments ORDER BY subject, role",
                row -> new InstallationRole(row.getString(1), Role.valueOf(row.getString(2)))));
    }

    @Override
    public void assignInstallation(InstallationRole assignment) throws IOException {
        database.write(c -> Sql.update(
                c,
                "INSERT INTO installation_role_assignments (subject, role, created_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (subject, role) DO NOTHING",
                assignment.subject(),
                assignment.role().name(),
                clock.millis()));
    }

    @Override
    public boolean unassignInstallation(InstallationRole assignment) throws IOException {
        return database.write(c -> Sql.update(
                        c,
                        "DELETE FROM installation_role_assignments WHERE subject = ? AND role = ?",
                        assignment.subject(),
                        assignment.role().name())
                > 0);
    }
}
