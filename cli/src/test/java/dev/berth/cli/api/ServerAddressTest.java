package dev.berth.cli.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerAddressTest {
    @Test
    void anAddressMayNameItsSchemeOrNot() {
        assertEquals(new ServerAddress(Optional.empty(), "localhost:5000"), ServerAddress.parse("localhost:5000"));
        assertEquals(new ServerAddress(Optional.of("http"), "[::1]:5000"), ServerAddress.parse("HTTP://[::1]:5000/"));
        assertEquals(
                "https://r.example.com",
                ServerAddress.parse("https://r.example.com").toString());
    }

    @Test
    void aPathAnotherSchemeOrCredentialsAreRefused() {
        for (String bad : new String[] {"http://h/api", "ftp://h", "u:p@h", "", "http://"}) {
            assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse(bad), bad);
        }
    }
}
