package dev.berth.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostNamesTest {
    @Test
    void namesAreLowerCasedAndAddressesCanonicalWithoutDuplicates() {
        HostNames names = HostNames.of("Registry.Example.COM", "::1", "0:0:0:0:0:0:0:1", "127.0.0.1", "*.example.com");

        assertEquals(List.of("registry.example.com", "0:0:0:0:0:0:0:1", "127.0.0.1", "*.example.com"), names.names());
    }

    @Test
    void whatIsNeitherAHostNameNorAnAddressIsRefused() {
        for (String bad : List.of("", "under_score", "a..b", "trailing.", "-lead", "999.1.1.1", "*", "*.com", "a b")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostNames.of(bad), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new HostNames(List.of()));
    }

    @Test
    void theLocalDefaultsCoverLoopbackByNameAndAddress() {
        List<String> names = HostNames.localDefaults().names();

        assertEquals(List.of("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1"), names.subList(0, 3));
    }
}
