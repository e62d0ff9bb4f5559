package dev.berth.metadata.jdbc;

import dev.berth.core.spi.RegistryStore;
import dev.berth.core.tier.Tier;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbcRegistryStore implements RegistryStore {
    private static final String COLUMNS = "SELECT id, name, tier, created_at FROM registries ";

    /**
     * What refers to a registry, children first, so that a registry can be removed with everything recorded of it.
     * A table added later that keys on a registry or a repository belongs here. The outbox ({@code events}) does
     * not: its events stay, as history that workers may not have read yet, and deleting the newest rows would let
     * SQLite give their sequence numbers again. Registry ids are never reused, so they cannot be confused.
     */
    private static final List<String> DEPENDENTS = List.of(
            "DELETE FROM tags WHERE repository_id IN (SELECT id FROM repositories WHERE registry_id = ?)",
            "DELETE FROM manifest_references WHERE repository_id IN (SELECT id FROM repositories WHERE registry_id = ?)",
            "DELETE FROM manifests WHERE repository_id IN (SELECT id FROM repositories WHERE registry_id = ?)",
            "DELETE FROM blob_links WHERE repository_id IN (SELECT id FROM repositories WHERE registry_id = ?)",
            "DELETE FROM uploads WHERE repository_id IN (SELECT id FROM repositories WHERE registry_id = ?)",
            "DELETE FROM repositories WHERE registry_id = ?",
            "DELETE FROM role_assignments WHERE registry_id = ?",
            "DELETE FROM registry_access WHERE registry_id = ?",
            "DELETE FROM registry_network_rules WHERE registry_id = ?",
            "DELETE FROM registry_tokens WHERE registry_id = ?",
            "DELETE FROM scope_maps WHERE registry_id = ?",
            "DELETE FROM registry_admin_accounts WHERE registry_id = ?",
            "DELETE FROM webhook_deliveries WHERE webhook_id IN (SELECT id FROM webhooks WHERE registry_id = ?)",
            "DELETE FROM event_cursors WHERE consumer IN (SELECT 'webhook:' || id FROM webhooks WHERE registry_id = ?)",
            "DELETE FROM webhooks WHERE registry_id = ?");

    private final Database database;
    private final Clock clock;

    JdbcRegistryStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<RegistryRecord> find(String name) throws IOException {
        return database.read(c -> select(c, name));
    }

    @Override
    public Optional<RegistryRecord> findById(long id) throws IOException {
        return database.read(c -> Sql.first(c, COLUMNS + "WHERE id = ?", JdbcRegistryStore::record, id));
    }

    @Override
    public RegistryRecord getOrCreate(String name) throws IOException {
        return database.write(c -> {
            Optional<RegistryRecord> existing = select(c, name);
            return existing.isPresent() ? existing.get() : insert(c, name, Tier.BASIC);
        });
    }

    @Override
    public Optional<RegistryRecord> create(String name, Tier tier) throws IOException {
        return database.write(c -> {
            if (Sql.first(c, "SELECT id FROM registries WHERE LOWER(name) = LOWER(?)", row -> row.getLong(1), name)
                    .isPresent()) {
                return Optional.empty();
            }
            return Optional.of(insert(c, name, tier));
        });
    }

    /** Inserts a registry with an id no registry ever had, deleted ones included. */
    private RegistryRecord insert(Connection c, String name, Tier tier) throws SQLException {
        long id = highestId(c) + 1;
        Sql.update(c, "UPDATE registry_id_high_water SET id = ?", id);
        Sql.update(
                c,
                "INSERT INTO registries (id, name, tier, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
                id,
                name,
                tier.displayName(),
                clock.millis());
        return select(c, name).orElseThrow();
    }

    private static long highestId(Connection c) throws SQLException {
        String sql = "SELECT MAX(id) FROM (SELECT MAX(id) AS id FROM registries"
                + " UNION ALL SELECT id FROM registry_id_high_water) ids";
        return Sql.first(c, sql, row -> row.getLong(1)).orElse(0L);
    }

    @Override
    public List<RegistryRecord> list() throws IOException {
        return database.read(c -> Sql.query(c, COLUMNS + "ORDER BY name", JdbcRegistryStore::record));
    }

    @Override
    public boolean setTier(long id, Tier tier) throws IOException {
        return database.write(
                c -> Sql.update(c, "UPDATE registries SET tier = ? WHERE id = ?", tier.displayName(), id) > 0);
    }

    @Override
    public boolean delete(long id) throws IOException {
        return database.write(c -> {
            for (String statement : DEPENDENTS) {
                Sql.update(c, statement, id);
            }
            return Sql.update(c, "DELETE FROM registries WHERE id = ?", id) > 0;
        });
    }

    private static Optional<RegistryRecord> select(Connection c, String name) throws SQLException {
        return Sql.first(c, COLUMNS + "WHERE name = ?", JdbcRegistryStore::record, name);
    }

    private static RegistryRecord record(ResultSet row) throws SQLException {
        return new RegistryRecord(
                row.getLong(1),
                row.getString(2),
                Tier.byName(row.getString(3)).orElse(Tier.BASIC),
                Instant.ofEpochMilli(row.getLong(4)));
    }
}
