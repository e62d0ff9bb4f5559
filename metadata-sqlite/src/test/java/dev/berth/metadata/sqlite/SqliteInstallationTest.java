package dev.berth.metadata.sqlite;

import dev.berth.core.installation.ManagementAccessContract;
import dev.berth.core.installation.RegistriesContract;
import dev.berth.core.installation.RegistryServiceContract;
import dev.berth.core.installation.RoleServiceContract;
import dev.berth.core.installation.TokenServiceContract;
import dev.berth.core.installation.UserServiceContract;
import dev.berth.core.spi.MetadataStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Nested;

/** The installation services' rules, on SQLite. */
class SqliteInstallationTest {
    static MetadataStore store(Path dir) throws IOException {
        return SqliteMetadataStore.open(dir.resolve("berth.db"), Clock.systemUTC());
    }

    @Nested
    class Registries extends RegistriesContract {
        @Override
        protected MetadataStore open(Path dir) throws IOException {
            return store(dir);
        }
    }

    @Nested
    class RegistryService extends RegistryServiceContract {
        @Override
        protected MetadataStore open(Path dir) throws IOException {
            return store(dir);
        }
    }

    @Nested
    class TokenService extends TokenServiceContract {
        @Override
        protected MetadataStore open(Path dir) throws IOException {
            return store(dir);
        }
    }

    @Nested
    class UserService extends UserServiceContract {
        @Override
        protected MetadataStore open(Path dir) throws IOException {
            return store(dir);
        }
    }

    @Nested
    class RoleService extends RoleServiceContract {
        @Override
        protected MetadataStore open(Path dir) throws IOException {
            return store(dir);
        }
    }

    @Nested
    class ManagementAccess extends ManagementAccessContract {
        @Override
        protected MetadataStore open(Path dir) throws IOException {
            return store(dir);
        }
    }
}
