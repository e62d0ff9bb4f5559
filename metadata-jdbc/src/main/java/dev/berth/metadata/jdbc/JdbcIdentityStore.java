package dev.berth.metadata.jdbc;

import dev.berth.core.auth.AdminAccount;
import dev.berth.core.auth.Cidr;
import dev.berth.core.auth.NetworkRules;
import dev.berth.core.auth.RegistryToken;
import dev.berth.core.auth.Role;
import dev.berth.core.auth.RoleAssignment;
import dev.berth.core.auth.ScopeMap;
import dev.berth.core.auth.ServicePrincipal;
import dev.berth.core.json.Json;
import dev.berth.core.spi.IdentityStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbcIdentityStore implements IdentityStore {
    private final Database database;
    private final Clock clock;

    JdbcIdentityStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<UserRecord> findUser(String name) throws IOException {
        return database.read(c -> Sql.first(
                c,
                "SELECT name, password_hash, installation_admin, enabled FROM users WHERE name = ?",
                JdbcIdentityStore::user,
                name));
    }

    @Override
    public boolean createUser(UserRecord user) throws IOException {
        return database.write(c -> Sql.update(
                        c,
                        "INSERT INTO users (name, password_hash, installation_admin, enabled, created_at)"
                                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
                        user.name(),
                        user.passwordHash(),
                        user.installationAdmin(),
                        user.enabled(),
                        clock.millis()))
                > 0;
    }

    @Override
    public boolean hasUsers() throws IOException {
        return database.read(c -> Sql.first(c, "SELECT 1 FROM users LIMIT 1", row -> true))
                .isPresent();
    }

    @Override
    public void assign(RoleAssignment assignment) throws IOException {
        database.write(c -> Sql.update(
                c,
                "INSERT INTO role_assignments (subject, registry_id, repository_pattern, role, created_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (subject, registry_id, repository_pattern, role) DO NOTHING",
                assignment.principalSubject(),
                assignment.registryId(),
                assignment.repositoryPattern(),
                assignment.role().name(),
                clock.millis()));
    }

    @Override
    public boolean unassign(RoleAssignment assignment) throws IOException {
        return database.write(c -> Sql.update(
                        c,
                        "DELETE FROM role_assignments WHERE subject = ? AND registry_id = ? AND repository_pattern = ?"
                                + " AND role = ?",
                        assignment.principalSubject(),
                        assignment.registryId(),
                        assignment.repositoryPattern(),
                        assignment.role().name()))
                > 0;
    }

    @Override
    public List<RoleAssignment> assignments(String subject, long registryId) throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT subject, registry_id, repository_pattern, role FROM role_assignments"
                        + " WHERE subject = ? AND registry_id = ? ORDER BY repository_pattern, role",
                row -> new RoleAssignment(
                        row.getString(1), row.getLong(2), row.getString(3), Role.valueOf(row.getString(4))),
                subject,
                registryId));
    }

    @Override
    public boolean anonymousPull(long registryId) throws IOException {
        return database.read(c -> Sql.first(
                        c,
                        "SELECT anonymous_pull FROM registry_access WHERE registry_id = ?",
                        row -> row.getBoolean(1),
                        registryId))
                .orElse(false);
    }

    @Override
    public void setAnonymousPull(long registryId, boolean enabled) throws IOException {
        database.write(c -> Sql.update(
                c,
                "INSERT INTO registry_access (registry_id, anonymous_pull) VALUES (?, ?)"
                        + " ON CONFLICT (registry_id) DO UPDATE SET anonymous_pull = excluded.anonymous_pull",
                registryId,
                enabled));
    }

    @Override
    public NetworkRules networkRules(long registryId) throws IOException {
        return database.read(c -> Sql.first(
                        c,
                        "SELECT public_network_access, default_action, allowed FROM registry_network_rules"
                                + " WHERE registry_id = ?",
                        JdbcIdentityStore::networkRules,
                        registryId))
                .orElse(NetworkRules.OPEN);
    }

    @Override
    public void setNetworkRules(long registryId, NetworkRules rules) throws IOException {
        String allowed =
                Json.writeString(rules.allowed().stream().map(Cidr::toString).toList());
        database.write(c -> Sql.update(
                c,
                "INSERT INTO registry_network_rules (registry_id, public_network_access, default_action, allowed)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (registry_id) DO UPDATE SET"
                        + " public_network_access = excluded.public_network_access,"
                        + " default_action = excluded.default_action, allowed = excluded.allowed",
                registryId,
                rules.publicNetworkAccess(),
                rules.defaultAction().name(),
                allowed));
    }

    @Override
    public void putScopeMap(long registryId, ScopeMap map) throws IOException {
        database.write(c -> upsertScopeMap(c, registryId, map));
    }

    static int upsertScopeMap(Connection c, long registryId, ScopeMap map) throws SQLException {
        return Sql.update(
                c,
                "INSERT INTO scope_maps (registry_id, name, description, actions) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (registry_id, name) DO UPDATE SET description = excluded.description,"
                        + " actions = excluded.actions",
                registryId,
                map.name(),
                map.description() == null ? "" : map.description(),
                Json.writeString(map.actions()));
    }

    @Override
    public Optional<ScopeMap> findScopeMap(long registryId, String name) throws IOException {
        Optional<ScopeMap> system = ScopeMap.system(name);
        if (system.isPresent()) {
            return system;
        }
        return database.read(c -> Sql.first(
                c,
                "SELECT name, description, actions FROM scope_maps WHERE registry_id = ? AND name = ?",
                row -> new ScopeMap(row.getString(1), row.getString(2), strings(row.getString(3))),
                registryId,
                name));
    }

    @Override
    public Optional<ServicePrincipal> findServicePrincipal(String id) throws IOException {
        return database.read(c -> Sql.first(
                c,
                "SELECT id, display_name, enabled, secrets FROM service_principals WHERE id = ?",
                row -> new ServicePrincipal(
                        row.getString(1), row.getString(2), row.getBoolean(3), passwords(row.getString(4))),
                id));
    }

    @Override
    public void putServicePrincipal(ServicePrincipal principal) throws IOException {
        database.write(c -> Sql.update(
                c,
                "INSERT INTO service_principals (id, display_name, enabled, secrets) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,"
                        + " enabled = excluded.enabled, secrets = excluded.secrets",
                principal.id(),
                principal.displayName(),
                principal.enabled(),
                passwordsJson(principal.secrets())));
    }

    @Override
    public AdminAccount adminAccount(long registryId) throws IOException {
        return database.read(c -> Sql.first(
                        c,
                        "SELECT enabled, passwords FROM registry_admin_accounts WHERE registry_id = ?",
                        row -> new AdminAccount(registryId, row.getBoolean(1), passwords(row.getString(2))),
                        registryId))
                .orElse(AdminAccount.disabled(registryId));
    }

    @Override
    public void setAdminAccount(AdminAccount account) throws IOException {
        database.write(c -> Sql.update(
                c,
                "INSERT INTO registry_admin_accounts (registry_id, enabled, passwords) VALUES (?, ?, ?)"
                        + " ON CONFLICT (registry_id) DO UPDATE SET enabled = excluded.enabled,"
                        + " passwords = excluded.passwords",
                account.registryId(),
                account.enabled(),
                passwordsJson(account.passwords())));
    }

    private static String passwordsJson(List<RegistryToken.Password> passwords) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (RegistryToken.Password password : passwords) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", password.name());
            entry.put("hash", password.hash());
            entry.put(
                    "expiry",
                    password.expiry() == null ? null : password.expiry().toEpochMilli());
            entries.add(entry);
        }
        return Json.writeString(entries);
    }

    static List<RegistryToken.Password> passwords(String json) {
        List<RegistryToken.Password> passwords = new ArrayList<>();
        for (var entry : Json.parse(json.getBytes(StandardCharsets.UTF_8))) {
            var expiry = entry.get("expiry");
            passwords.add(new RegistryToken.Password(
                    entry.get("name").asText(),
                    entry.get("hash").asText(),
                    expiry == null || expiry.isNull() ? null : Instant.ofEpochMilli(expiry.asLong())));
        }
        return passwords;
    }

    @Override
    public void putToken(RegistryToken token) throws IOException {
        database.write(c -> upsertToken(c, token));
    }

    static int upsertToken(Connection c, RegistryToken token) throws SQLException {
        return Sql.update(
                c,
                "INSERT INTO registry_tokens (registry_id, name, scope_map, enabled, passwords) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (registry_id, name) DO UPDATE SET scope_map = excluded.scope_map,"
                        + " enabled = excluded.enabled, passwords = excluded.passwords",
                token.registryId(),
                token.name(),
                token.scopeMap(),
                token.enabled(),
                passwordsJson(token.passwords()));
    }

    @Override
    public Optional<RegistryToken> findToken(long registryId, String name) throws IOException {
        return database.read(c -> Sql.first(
                c,
                "SELECT registry_id, name, scope_map, enabled, passwords FROM registry_tokens"
                        + " WHERE registry_id = ? AND name = ?",
                JdbcIdentityStore::token,
                registryId,
                name));
    }

    static RegistryToken token(ResultSet row) throws SQLException {
        List<RegistryToken.Password> passwords = passwords(row.getString(5));
        return new RegistryToken(row.getLong(1), row.getString(2), row.getString(3), row.getBoolean(4), passwords);
    }

    static List<String> strings(String json) {
        List<String> values = new ArrayList<>();
        Json.parse(json.getBytes(StandardCharsets.UTF_8)).forEach(node -> values.add(node.asText()));
        return values;
    }

    private static NetworkRules networkRules(ResultSet row) throws SQLException {
        List<Cidr> allowed = new ArrayList<>();
        for (var entry : Json.parse(row.getString(3).getBytes(StandardCharsets.UTF_8))) {
            allowed.add(Cidr.parse(entry.asText()));
        }
        return new NetworkRules(row.getBoolean(1), NetworkRules.DefaultAction.valueOf(row.getString(2)), allowed);
    }

    static UserRecord user(ResultSet row) throws SQLException {
        return new UserRecord(row.getString(1), row.getString(2), row.getBoolean(3), row.getBoolean(4));
    }
}
