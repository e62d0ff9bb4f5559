package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryAddressTest {
    @ParameterizedTest
    @CsvSource({
        "mcr.microsoft.com, https://mcr.microsoft.com",
        "MyRegistry.azurecr.io/, https://myregistry.azurecr.io",
        "127.0.0.1:5000, https://127.0.0.1:5000",
        "http://127.0.0.1:5000, http://127.0.0.1:5000",
        "https://ghcr.io, https://ghcr.io",
        "docker.io, https://registry-1.docker.io",
        "index.docker.io, https://registry-1.docker.io",
        "[::1]:5000, https://[::1]:5000"
    })
    void turnsWhatPeopleWriteIntoTheApisBase(String written, String base) {
        assertEquals(URI.create(base), RegistryAddress.parse(written).uri());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ftp://x", "https://x/path", "https://u:p@x", "x?y=1", "https://"})
    void refusesAnythingButAnOrigin(String written) {
        assertThrows(IllegalArgumentException.class, () -> RegistryAddress.parse(written));
    }

    @ParameterizedTest
    @CsvSource({"busybox, library/busybox", "library/busybox, library/busybox", "bitnami/redis, bitnami/redis"})
    void officialDockerHubImagesLiveUnderLibrary(String written, String path) {
        RegistryAddress hub = RegistryAddress.parse("docker.io");

        assertTrue(hub.isDockerHub());
        assertEquals(path, hub.repositoryPath(written));
        assertEquals("busybox", RegistryAddress.parse("ghcr.io").repositoryPath("busybox"));
    }
}
