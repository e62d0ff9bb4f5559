package dev.berth.http.auth;

import dev.berth.core.auth.Cidr;
import dev.berth.http.server.Exchange;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells who the client is. Its address is the peer's, unless the peer is a configured trusted proxy: then it is
 * the right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy, since only trusted proxies
 * can be believed about what they append, and anything to the left of them may be forged by the client.
 */
public final class ClientAddresses {
    private static final System.Logger LOG = System.getLogger("berth.auth");

    private final List<Cidr> trustedProxies;
    private final AtomicBoolean warnedOfProxy = new AtomicBoolean();

    public ClientAddresses(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public static ClientAddresses direct() {
        return new ClientAddresses(List.of());
    }

    public String of(Exchange exchange) {
        String peer = bare(exchange.clientAddress());
        if (!isTrusted(peer)) {
            warnOfUntrustedProxy(exchange, peer);
            return peer;
        }
        List<String> forwarded = exchange.headerValues("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = bare(forwarded.get(i));
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop;
            }
        }
        return forwarded.isEmpty() ? peer : bare(forwarded.getFirst());
    }

    /**
     * A local reverse proxy that is not a trusted proxy makes every client look like loopback, which network rules
     * always admit: say so, once, when a request from loopback comes forwarded.
     */
    private void warnOfUntrustedProxy(Exchange exchange, String peer) {
        if (trustedProxies.isEmpty()
                && (peer.startsWith("127.") || peer.equals("::1") || peer.equals("0:0:0:0:0:0:0:1"))
                && !exchange.headerValues("X-Forwarded-For").isEmpty()
                && warnedOfProxy.compareAndSet(false, true)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "a request from loopback came through a proxy (X-Forwarded-For) but auth.trustedProxies is empty:"
                            + " every client of that proxy looks like loopback, which network rules always admit;"
                            + " list the proxy in auth.trustedProxies");
        }
    }

    /** An address without IPv6 brackets or an IPv4 port ({@code [::1]} is {@code ::1}, {@code 1.2.3.4:80} is 1.2.3.4). */
    static String bare(String address) {
        String trimmed = address.trim();
        if (trimmed.startsWith("[")) {
            int close = trimmed.indexOf(']');
            return close > 0 ? trimmed.substring(1, close) : trimmed;
        }
        int colon = trimmed.indexOf(':');
        return colon > 0 && colon == trimmed.lastIndexOf(':') ? trimmed.substring(0, colon) : trimmed;
    }

    /**
     * The scheme the client used: {@code X-Forwarded-Proto} when a trusted proxy says so (it terminated TLS in
     * front of Berth), else the connection's own. Challenges name it, so clients send credentials over HTTPS.
     */
    public String scheme(Exchange exchange) {
        if (isTrusted(bare(exchange.clientAddress()))) {
            String forwarded =
                    exchange.header("X-Forwarded-Proto").orElse("").trim().toLowerCase(java.util.Locale.ROOT);
            if (forwarded.equals("https") || forwarded.equals("http")) {
                return forwarded;
            }
        }
        return exchange.scheme();
    }

    private boolean isTrusted(String address) {
        return trustedProxies.stream().anyMatch(proxy -> proxy.contains(address));
    }
}
