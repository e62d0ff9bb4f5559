package dev.berth.cli.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImportSourceTest {
    @Test
    void theFirstSegmentIsTheRegistryWhenItLooksLikeAHost() {
        assertEquals(
                "{\"registryUri\":\"docker.io\",\"sourceImage\":\"library/alpine:3.20\"}",
                ImportSource.parse("docker.io/library/alpine:3.20", null)
                        .toJson(null, null)
                        .toString());
        assertEquals(
                "{\"registryUri\":\"http://localhost:5000\",\"credentials\":{\"username\":\"u\",\"password\":\"p\"},"
                        + "\"sourceImage\":\"app@sha256:abc\"}",
                ImportSource.parse("http://localhost:5000/app@sha256:abc", null)
                        .toJson("u", "p")
                        .toString());
    }

    @Test
    void aRegistryOfThisInstallationIsNamedByResourceIdAndNoTagMeansLatest() {
        assertEquals(
                "{\"resourceId\":\"/registries/staging\",\"sourceImage\":\"team/app:latest\"}",
                ImportSource.parse("team/app", "staging").toJson(null, null).toString());
    }

    @Test
    void aSourceWithoutARegistryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ImportSource.parse("library/alpine:3.20", null));
        assertThrows(IllegalArgumentException.class, () -> ImportSource.parse("alpine", null));
    }
}
