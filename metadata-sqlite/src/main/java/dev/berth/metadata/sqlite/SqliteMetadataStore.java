package dev.berth.metadata.sqlite;

import dev.berth.core.spi.MetadataStore;
import dev.berth.metadata.jdbc.JdbcMetadataStore;
import dev.berth.metadata.jdbc.Migrations;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;

/** Opens the embedded metadata store: a SQLite file, migrated to the current schema. */
public final class SqliteMetadataStore {
    private SqliteMetadataStore() {}

    public static MetadataStore open(Path file, Clock clock) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ownerOnly(file);
        SqliteDatabase database = new SqliteDatabase(file);
        try {
            Migrations.apply(database.dataSource(), database.dialect());
        } catch (RuntimeException e) {
            database.close();
            throw new IOException("cannot migrate " + file + ": " + e.getMessage(), e);
        }
        return new JdbcMetadataStore(database, clock);
    }

    /**
     * Creates the database file readable and writable by its owner only (it holds password hashes), or narrows an
     * existing one to that; SQLite's journal files take the file's permissions.
     */
    private static void ownerOnly(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, ownerOnly);
        } else {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
    }
}
