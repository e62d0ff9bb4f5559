package dev.berth.http.auth;

import dev.berth.core.auth.Cidr;
import dev.berth.http.server.Exchange;
import java.util.List;

/**
 * Tells who the client is. Its address is the peer's, unless the peer is a configured trusted proxy: then it is
 * the right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy, since only trusted proxies
 * can be believed about what they append, and anything to the left of them may be forged by the client.
 */
public final class ClientAddresses {
    private final List<Cidr> trustedProxies;

    public ClientAddresses(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public static ClientAddresses direct() {
        return new ClientAddresses(List.of());
    }

    public String of(Exchange exchange) {
        String peer = exchange.clientAddress();
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> forwarded = exchange.headerValues("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i).trim();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop;
            }
        }
        return forwarded.isEmpty() ? peer : forwarded.getFirst().trim();
    }

    private boolean isTrusted(String address) {
        return trustedProxies.stream().anyMatch(proxy -> proxy.contains(address));
    }
}
