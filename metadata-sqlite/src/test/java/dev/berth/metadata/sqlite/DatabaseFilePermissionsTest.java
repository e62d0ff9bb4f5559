package dev.berth.metadata.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.spi.MetadataStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database holds password hashes: only its owner may read it, whatever the umask. */
class DatabaseFilePermissionsTest {
    @TempDir
    Path dir;

    @Test
    void aNewDatabaseIsTheOwnersAlone() throws Exception {
        Path file = dir.resolve("berth.db");
        try (MetadataStore store = SqliteMetadataStore.open(file, Clock.systemUTC())) {
            store.registries().getOrCreate("default");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void anExistingDatabaseOthersCouldReadIsNarrowed() throws Exception {
        Path file = dir.resolve("berth.db");
        try (MetadataStore store = SqliteMetadataStore.open(file, Clock.systemUTC())) {
            store.registries().getOrCreate("default");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (MetadataStore store = SqliteMetadataStore.open(file, Clock.systemUTC())) {
            assertEquals(
                    "default", store.registries().find("default").orElseThrow().name());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
