package dev.berth.core.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A CIDR range such as {@code 127.0.0.0/8} or {@code fd00::/8}; a bare address is a range of one. IPv4 addresses
 * written as IPv6 (mapped, compatible, NAT64) are compared as the IPv4 address they carry.
 *
 * @param network the range's first address, with the bits past the prefix cleared
 * @param prefix how many leading bits every address in the range shares
 */
public record AddressRange(InetAddress network, int prefix) {
    public AddressRange {
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("a prefix of " + network.getHostAddress() + " is 0 to " + bits);
        }
        network = masked(network, prefix);
    }

    /**
     * Parses {@code address/prefix} or a bare address. Only literal addresses: a host name is no range.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static AddressRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress network = literal(address)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an address or CIDR range"));
        int bits = network.getAddress().length * 8;
        int prefix = slash < 0 ? bits : prefixOf(trimmed.substring(slash + 1), text);
        return new AddressRange(network, prefix);
    }

    /** True when the address, unwrapped from any IPv6 form of an IPv4 address, lies in this range. */
    public boolean contains(InetAddress address) {
        InetAddress plain = EmbeddedAddresses.unwrap(address);
        if (plain.getAddress().length != network.getAddress().length) {
            return false;
        }
        return Arrays.equals(masked(plain, prefix).getAddress(), network.getAddress());
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }

    /** The address a literal (IPv4 dotted quad, or IPv6 with or without brackets) stands for; empty for names. */
    static java.util.Optional<InetAddress> literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.%]+");
        if (!ipv4 && !ipv6) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    private static int prefixOf(String digits, String text) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no number of prefix bits after the '/'");
        }
    }

    private static InetAddress masked(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
