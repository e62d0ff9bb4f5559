package dev.berth.core.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EgressPolicyTest {
    private static final EgressPolicy DEFAULTS = EgressPolicy.defaults(new OwnAddresses());

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, LOOPBACK",
        "127.255.0.9, LOOPBACK",
        "::1, LOOPBACK",
        "::ffff:127.0.0.1, LOOPBACK",
        "::127.0.0.1, LOOPBACK",
        "64:ff9b::7f00:1, LOOPBACK",
        "2002:7f00:1::, LOOPBACK",
        "169.254.169.254, LINK_LOCAL",
        "::ffff:169.254.169.254, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "febf::1, LINK_LOCAL",
        "0.0.0.0, UNSPECIFIED",
        "0.1.2.3, UNSPECIFIED",
        "::, UNSPECIFIED",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "255.255.255.255, MULTICAST",
        "ff02::1, MULTICAST",
        "10.1.2.3, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.1.1, PRIVATE",
        "100.64.0.1, PRIVATE",
        "fd12:3456::1, PRIVATE",
        "::ffff:10.0.0.1, PRIVATE",
        "172.32.0.1, PUBLIC",
        "8.8.8.8, PUBLIC",
        "2606:4700::1111, PUBLIC",
    })
    void addressesAreClassifiedByWhatTheyReach(String address, AddressKind kind) throws UnknownHostException {
        assertEquals(kind, AddressKind.of(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1", "::1", "::ffff:127.0.0.1", "169.254.169.254", "fe80::1", "0.0.0.0", "::", "224.0.0.1"})
    void theDefaultsRefuseLocalAddresses(String address) throws UnknownHostException {
        assertFalse(DEFAULTS.permits(address, InetAddress.getByName(address), 80));
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.1", "192.168.0.10", "fd00::1", "8.8.8.8"})
    void theDefaultsAllowPrivateAndPublicAddresses(String address) throws UnknownHostException {
        assertTrue(DEFAULTS.permits(address, InetAddress.getByName(address), 443));
    }

    @Test
    void privateRangesCanBeRefused() throws UnknownHostException {
        EgressPolicy policy = new EgressPolicy(EgressSettings.of(List.of(), true), new OwnAddresses());
        assertFalse(policy.permits("10.0.0.1", InetAddress.getByName("10.0.0.1"), 443));
        assertFalse(policy.permits("peer", InetAddress.getByName("fd00::1"), 443));
        assertTrue(policy.permits("8.8.8.8", InetAddress.getByName("8.8.8.8"), 443));
    }

    @Test
    void anAllowanceOpensARefusedRangeAndPrivateRefusal() throws UnknownHostException {
        EgressPolicy policy = new EgressPolicy(
                EgressSettings.of(List.of("127.0.0.0/8", "10.1.0.0/16", "registry.internal", "*.corp"), true),
                new OwnAddresses());
        assertTrue(policy.permits("127.0.0.1", InetAddress.getByName("127.0.0.1"), 80));
        assertTrue(policy.permits("x", InetAddress.getByName("::ffff:127.0.0.2"), 80));
        assertTrue(policy.permits("10.1.2.3", InetAddress.getByName("10.1.2.3"), 80));
        assertFalse(policy.permits("10.2.0.1", InetAddress.getByName("10.2.0.1"), 80));
        assertTrue(policy.permits("Registry.Internal.", InetAddress.getByName("169.254.1.1"), 80));
        assertTrue(policy.permits("git.corp", InetAddress.getByName("192.168.0.1"), 80));
        assertFalse(policy.permits("corp", InetAddress.getByName("192.168.0.1"), 80));
    }

    @Test
    void ownPortsOnLocalAddressesAreRefusedWhateverIsAllowed() throws UnknownHostException {
        OwnAddresses own = new OwnAddresses().listensOn(5000);
        EgressPolicy policy =
                new EgressPolicy(EgressSettings.of(List.of("127.0.0.0/8", "::1", "localhost"), false), own);
        assertFalse(policy.permits("127.0.0.1", InetAddress.getByName("127.0.0.1"), 5000));
        assertFalse(policy.permits("localhost", InetAddress.getByName("::1"), 5000));
        assertFalse(policy.permits("x", InetAddress.getByName("::ffff:127.0.0.1"), 5000));
        assertTrue(policy.permits("127.0.0.1", InetAddress.getByName("127.0.0.1"), 5001));
        assertTrue(policy.permits("8.8.8.8", InetAddress.getByName("8.8.8.8"), 5000));
    }

    @Test
    void theInstallationsLoginServersMayReachItsOwnPortsOnlyWhenAsked() throws UnknownHostException {
        OwnAddresses own = new OwnAddresses().listensOn(5000);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        EgressPolicy builds = EgressPolicy.defaults(own).allowingOwnPortsFor("localhost");

        assertTrue(builds.permits("other.localhost", loopback, 5000));
        assertTrue(builds.permits("Other.LocalHost.", loopback, 5000));
        assertFalse(builds.permits("other.localhost", loopback, 6379));
        assertFalse(builds.permits("127.0.0.1", loopback, 5000));
        assertFalse(builds.permits("evil-localhost", loopback, 5000));
        assertFalse(EgressPolicy.defaults(own).permits("other.localhost", loopback, 5000));
    }

    @Test
    void aRefusalNamesTheHostAndAddressOnly() throws UnknownHostException {
        EgressRefusedException refused = assertThrows(
                EgressRefusedException.class,
                () -> DEFAULTS.check("localhost", InetAddress.getByName("127.0.0.1"), 5000));
        assertEquals(
                "egress to localhost (127.0.0.1) is not allowed by the installation's egress policy",
                refused.getMessage());
        refused = assertThrows(
                EgressRefusedException.class,
                () -> DEFAULTS.check("127.0.0.1", InetAddress.getByName("127.0.0.1"), 5000));
        assertEquals("egress to 127.0.0.1 is not allowed by the installation's egress policy", refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"'127.0.0.0/33'", "'10.0.0.0/x'", "'not a host!'", "'http://x'", "''"})
    void badAllowEntriesAreNamed(String entry) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EgressSettings.of(List.of(entry), false));
        assertTrue(e.getMessage().contains(entry.isEmpty() ? "''" : entry.split("/")[0]), e.getMessage());
    }

    @Test
    void rangesAreNormalisedAndMatchIpv6() {
        assertEquals("10.0.0.0/8", AddressRange.parse("10.9.9.9/8").toString());
        assertTrue(AddressRange.parse("fd00::/8").contains(ipv6("fd12::1")));
        assertFalse(AddressRange.parse("fd00::/8").contains(ipv6("fe80::1")));
    }

    private static InetAddress ipv6(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
