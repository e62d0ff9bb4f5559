package dev.berth.core.egress;

import java.net.InetAddress;
import java.util.List;

/**
 * What an address is, as far as egress cares. Judged on the IPv4 address inside IPv4-mapped and similar IPv6 forms
 * (see {@link EmbeddedAddresses}), so no encoding of {@code 127.0.0.1} counts as anything but loopback.
 */
public enum AddressKind {
    /** {@code 127.0.0.0/8}, {@code ::1}: this machine. */
    LOOPBACK(true, "127.0.0.0/8", "::1/128"),
    /** {@code 169.254.0.0/16}, {@code fe80::/10}: cloud metadata services live here. */
    LINK_LOCAL(true, "169.254.0.0/16", "fe80::/10"),
    /** {@code 0.0.0.0/8}, {@code ::}: "this host" to most stacks, so this machine again. */
    UNSPECIFIED(true, "0.0.0.0/8", "::/128"),
    /** {@code 224.0.0.0/4}, {@code ff00::/8}, and the reserved {@code 240.0.0.0/4} with the broadcast address. */
    MULTICAST(true, "224.0.0.0/4", "240.0.0.0/4", "ff00::/8"),
    /**
     * {@code 10.0.0.0/8}, {@code 172.16.0.0/12}, {@code 192.168.0.0/16}, the shared {@code 100.64.0.0/10}, {@code
     * fc00::/7} and the old site-local {@code fec0::/10}: where self-hosted peers live, allowed unless refused.
     */
    PRIVATE(false, "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7", "fec0::/10"),
    /** Everything else. */
    PUBLIC(false);

    private final boolean refusedByDefault;
    private final List<AddressRange> ranges;

    AddressKind(boolean refusedByDefault, String... ranges) {
        this.refusedByDefault = refusedByDefault;
        this.ranges = java.util.Arrays.stream(ranges).map(AddressRange::parse).toList();
    }

    /** True for the kinds no installation setting but an explicit allowance opens. */
    public boolean refusedByDefault() {
        return refusedByDefault;
    }

    public static AddressKind of(InetAddress address) {
        for (AddressKind kind : values()) {
            if (kind.ranges.stream().anyMatch(range -> range.contains(address))) {
                return kind;
            }
        }
        return PUBLIC;
    }
}
