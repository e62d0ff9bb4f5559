package dev.berth.core.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * IPv6 addresses that carry an IPv4 address and reach it: IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible
 * ({@code ::a.b.c.d}, deprecated but still routed by some stacks), the NAT64 well-known prefix ({@code
 * 64:ff9b::a.b.c.d}) and 6to4 ({@code 2002:aabb:ccdd::}). The policy judges such an address as the IPv4 address
 * inside it, so that {@code ::ffff:127.0.0.1} is loopback like {@code 127.0.0.1}.
 */
final class EmbeddedAddresses {
    private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private EmbeddedAddresses() {}

    /** The IPv4 address inside, or the address itself when it carries none. */
    static InetAddress unwrap(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        if (isMapped(b) || isCompatible(b) || Arrays.equals(Arrays.copyOf(b, 12), NAT64)) {
            return v4(Arrays.copyOfRange(b, 12, 16));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return v4(Arrays.copyOfRange(b, 2, 6));
        }
        return address;
    }

    private static boolean isMapped(byte[] b) {
        return allZero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    /** {@code ::a.b.c.d}, except {@code ::} and {@code ::1}, which are IPv6's own unspecified and loopback. */
    private static boolean isCompatible(byte[] b) {
        return allZero(b, 0, 12) && !(allZero(b, 12, 15) && (b[15] == 0 || b[15] == 1));
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] four) {
        try {
            return InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an address", e);
        }
    }
}
