package dev.berth.metadata.sqlite;

import dev.berth.core.spi.MetadataStore;
import dev.berth.metadata.jdbc.JdbcMetadataStore;
import dev.berth.metadata.jdbc.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Opens the embedded metadata store: a SQLite file, migrated to the current schema. */
public final class SqliteMetadataStore {
    private SqliteMetadataStore() {}

    public static MetadataStore open(Path file, Clock clock) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SqliteDatabase database = new SqliteDatabase(file);
        try {
            Migrations.apply(database.dataSource(), database.dialect());
        } catch (RuntimeException e) {
            database.close();
            throw new IOException("cannot migrate " + file + ": " + e.getMessage(), e);
        }
        return new JdbcMetadataStore(database, clock);
    }
}
