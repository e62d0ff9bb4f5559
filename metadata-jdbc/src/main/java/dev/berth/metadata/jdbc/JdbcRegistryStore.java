package dev.berth.metadata.jdbc;

import dev.berth.core.spi.RegistryStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

final class JdbcRegistryStore implements RegistryStore {
    private static final String SELECT = "SELECT id, name FROM registries WHERE name = ?";

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
    public RegistryRecord getOrCreate(String name) throws IOException {
        return database.write(c -> {
            Sql.update(
                    c,
                    "INSERT INTO registries (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    name,
                    clock.millis());
            return select(c, name).orElseThrow();
        });
    }

    private static Optional<RegistryRecord> select(Connection c, String name) throws SQLException {
        return Sql.first(c, SELECT, row -> new RegistryRecord(row.getLong(1), row.getString(2)), name);
    }
}
