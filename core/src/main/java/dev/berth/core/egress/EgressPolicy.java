package dev.berth.core.egress;

import java.net.InetAddress;

/**
 * Decides, for one resolved address and port, whether the server may connect there. Asked at connection time with
 * the address the connection then goes to (see {@link Egress}), never with a name, so a host name that resolves
 * differently the second time cannot slip past.
 *
 * <p>In order: Berth's own listening addresses are always refused (no allowance opens them: a request to the
 * server's own API would carry whatever headers a webhook or source names); an allowed host name or range is
 * allowed; loopback, link-local, unspecified and multicast are refused, and private ranges when the settings say so;
 * everything else is allowed.
 */
public final class EgressPolicy {
    private final EgressSettings settings;
    private final OwnAddresses own;

    public EgressPolicy(EgressSettings settings, OwnAddresses own) {
        this.settings = settings;
        this.own = own;
    }

    /**
     * The defaults plus the given ranges, with no listening ports of its own: for tools and tests that use the
     * library parts (builder, client) against registries on loopback.
     */
    public static EgressPolicy allowing(String... ranges) {
        EgressSettings settings = EgressSettings.DEFAULTS;
        for (String range : ranges) {
            settings = settings.allowing(range);
        }
        return new EgressPolicy(settings, new OwnAddresses());
    }

    /** The default policy, for a server that listens on the given ports. */
    public static EgressPolicy defaults(OwnAddresses own) {
        return new EgressPolicy(EgressSettings.DEFAULTS, own);
    }

    /**
     * @param host the host name (or literal) the caller asked for
     * @param address one address it resolved to, which the connection will use
     * @throws EgressRefusedException with the one message every refusal has
     */
    public void check(String host, InetAddress address, int port) throws EgressRefusedException {
        if (!permits(host, address, port)) {
            throw EgressRefusedException.of(host, address);
        }
    }

    public boolean permits(String host, InetAddress address, int port) {
        if (own.isOwn(address, port)) {
            return false;
        }
        if (settings.allowsHost(host) || settings.allowedRanges().stream().anyMatch(r -> r.contains(address))) {
            return true;
        }
        AddressKind kind = AddressKind.of(address);
        return !kind.refusedByDefault() && !(kind == AddressKind.PRIVATE && settings.refusePrivate());
    }

    public EgressSettings settings() {
        return settings;
    }
}
