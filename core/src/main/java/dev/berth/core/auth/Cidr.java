package dev.berth.core.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 address or CIDR range, as ACR's network rules take them ({@code 10.0.0.0/8}, {@code 203.0.113.7}). */
public record Cidr(int network, int prefixLength) {
    private static final Pattern FORM =
            Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");

    public Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length must be 0 to 32");
        }
        network &= mask(prefixLength);
    }

    /** Parses an address or range, or throws {@link IllegalArgumentException} saying why not. */
    public static Cidr parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an IPv4 address or CIDR range: " + text);
        }
        int address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            address = (address << 8) | octet;
        }
        return new Cidr(address, m.group(5) == null ? 32 : Integer.parseInt(m.group(5)));
    }

    /** Whether the address (in dotted form) lies in the range; anything that is not IPv4 does not. */
    public boolean contains(String address) {
        try {
            Cidr single = parse(address);
            return (single.network() & mask(prefixLength)) == network;
        } catch (IllegalArgumentException notIpv4) {
            return false;
        }
    }

    private static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    @Override
    public String toString() {
        return ((network >>> 24) & 255) + "." + ((network >>> 16) & 255) + "." + ((network >>> 8) & 255) + "."
                + (network & 255) + (prefixLength == 32 ? "" : "/" + prefixLength);
    }
}
