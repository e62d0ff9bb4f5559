package dev.berth.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkRulesTest {
    @Test
    void cidrRangesContainTheirAddressesOnly() {
        Cidr range = Cidr.parse("10.1.0.0/16");
        assertTrue(range.contains("10.1.200.3"));
        assertFalse(range.contains("10.2.0.1"));
        assertFalse(range.contains("::1"));
        assertFalse(range.contains("not an address"));
        assertTrue(Cidr.parse("0.0.0.0/0").contains("8.8.8.8"));
        assertTrue(Cidr.parse("203.0.113.7").contains("203.0.113.7"));
        assertFalse(Cidr.parse("203.0.113.7").contains("203.0.113.8"));
        assertEquals("10.1.0.0/16", Cidr.parse("10.1.9.9/16").toString());
    }

    @Test
    void malformedRangesAreRefused() {
        for (String bad : List.of("", "10.0.0", "10.0.0.256", "10.0.0.0/33", "a.b.c.d", "10.0.0.0/-1", "::1")) {
            assertThrows(IllegalArgumentException.class, () -> Cidr.parse(bad), bad);
        }
    }

    @Test
    void denyByDefaultAdmitsOnlyTheAllowedRanges() {
        NetworkRules rules = new NetworkRules(true, NetworkRules.DefaultAction.DENY, List.of(Cidr.parse("10.0.0.0/8")));
        assertTrue(rules.admits("10.9.9.9"));
        assertFalse(rules.admits("192.0.2.1"));
        assertTrue(rules.admits("127.0.0.1"), "loopback always gets in");
    }

    @Test
    void publicAccessOffAdmitsOnlyLoopback() {
        NetworkRules off = new NetworkRules(false, NetworkRules.DefaultAction.ALLOW, List.of(Cidr.parse("10.0.0.0/8")));
        assertFalse(off.admits("10.9.9.9"));
        assertTrue(off.admits("127.0.0.1"));
        assertTrue(off.admits("::1"));
    }

    @Test
    void theDefaultsAreOpen() {
        assertTrue(NetworkRules.OPEN.admits("198.51.100.1"));
    }
}
