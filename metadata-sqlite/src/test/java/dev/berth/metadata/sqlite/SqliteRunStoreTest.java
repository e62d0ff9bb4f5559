package dev.berth.metadata.sqlite;

import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RunStoreContract;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

class SqliteRunStoreTest extends RunStoreContract {
    @Override
    protected MetadataStore open(Path dir) throws IOException {
        return SqliteMetadataStore.open(dir.resolve("berth.db"), Clock.systemUTC());
    }
}
