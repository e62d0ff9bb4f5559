package dev.berth.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    @Test
    void addressesLoseTheirBracketsAndPorts() {
        assertEquals("::1", ClientAddresses.bare("[::1]"));
        assertEquals("::1", ClientAddresses.bare("[::1]:443"));
        assertEquals("203.0.113.9", ClientAddresses.bare(" 203.0.113.9:51234 "));
        assertEquals("203.0.113.9", ClientAddresses.bare("203.0.113.9"));
        assertEquals("2001:db8::1", ClientAddresses.bare("2001:db8::1"));
    }
}
