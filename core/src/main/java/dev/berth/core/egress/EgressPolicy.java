package dev.berth.core.egress;

import java.net.InetAddress;

/**
 * Decides, for one resolved address and port, whether the server may connect there. Asked at connection time with
 * the address the connection then goes to (see {@link Egress}), never with a name, so a host name that resolves
 * differently the second time cannot slip past.
 *
 * <p>In order: Berth's own listening addresses are refused (no allowance opens them: a request to the server's own
 * API would carry whatever headers a webhook or source names; only {@link #allowingOwnPortsFor} lets the
 * installation's own login servers through, for builds' base images); an allowed host name or range is
 * allowed; loopback, link-local, unspecified and multicast are refused, and private ranges when the settings say so;
 * everything else is allowed.
 */
public final class EgressPolicy {
    private final EgressSettings settings;
    private final OwnAddresses own;
    private final String installationDomain;

    public EgressPolicy(EgressSettings settings, OwnAddresses own) {
        this(settings, own, null);
    }

    private EgressPolicy(EgressSettings settings, OwnAddresses own, String installationDomain) {
        this.settings = settings;
        this.own = own;
        this.installationDomain = installationDomain;
    }

    /**
     * This policy, except that the login servers of this installation ({@code <name>.<domain>} and the domain itself)
     * may reach Berth's own ports, and only those: for the registry client of builds, which reads base images from the
     * installation's other registries over HTTP so that their access rules hold. It only sends OCI GETs with the
     * run's own credentials, unlike a webhook, which names its method, headers and reads the answer back. The
     * domain's names reach other local ports no more than any name does.
     */
    public EgressPolicy allowingOwnPortsFor(String domain) {
        return new EgressPolicy(settings, own, hostKey(domain));
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
            return isInstallationHost(host);
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

    private boolean isInstallationHost(String host) {
        if (installationDomain == null || host == null) {
            return false;
        }
        String key = hostKey(host);
        return key.equals(installationDomain) || key.endsWith("." + installationDomain);
    }

    private static String hostKey(String host) {
        String lower = host.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
