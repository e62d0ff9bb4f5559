package dev.berth.core.egress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an installation administrator sets about egress.
 *
 * @param allowedRanges address ranges the server may reach even when they are loopback, link-local or private (a
 *     test's receivers on {@code 127.0.0.0/8}, say)
 * @param allowedHosts host names the server may reach whatever they resolve to; {@code *.example.com} covers every
 *     name under {@code example.com}
 * @param refusePrivate whether private ranges (10/8, 172.16/12, 192.168/16, fc00::/7, ...) are refused too
 */
public record EgressSettings(List<AddressRange> allowedRanges, List<String> allowedHosts, boolean refusePrivate) {
    /** Nothing allowed beyond the defaults; private ranges allowed. */
    public static final EgressSettings DEFAULTS = new EgressSettings(List.of(), List.of(), false);

    public EgressSettings {
        allowedRanges = List.copyOf(allowedRanges);
        allowedHosts = allowedHosts.stream().map(EgressSettings::hostKey).toList();
    }

    /**
     * Reads {@code egress.allow} entries: CIDR ranges and addresses become ranges, anything else must be a host name.
     *
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static EgressSettings of(List<String> allow, boolean refusePrivate) {
        List<AddressRange> ranges = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String entry : allow) {
            String trimmed = entry == null ? "" : entry.trim();
            if (trimmed.contains("/") || AddressRange.literal(trimmed).isPresent()) {
                ranges.add(AddressRange.parse(trimmed));
            } else if (isHostPattern(trimmed)) {
                hosts.add(trimmed);
            } else {
                throw new IllegalArgumentException(
                        "'" + entry + "' is neither a CIDR range, an address, nor a host name");
            }
        }
        return new EgressSettings(ranges, hosts, refusePrivate);
    }

    /** Allows one more range; for tests and tools that talk to receivers on loopback. */
    public EgressSettings allowing(String range) {
        List<AddressRange> more = new ArrayList<>(allowedRanges);
        more.add(AddressRange.parse(range));
        return new EgressSettings(more, allowedHosts, refusePrivate);
    }

    /** True when the host name is one of the allowed names, or under an allowed {@code *.} suffix. */
    public boolean allowsHost(String host) {
        String key = hostKey(host);
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? key.endsWith(allowed.substring(1)) : key.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHostPattern(String text) {
        return text.matches(
                "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?");
    }

    /** Lower case without a trailing dot, so {@code Registry.Internal.} and {@code registry.internal} are one name. */
    private static String hostKey(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
