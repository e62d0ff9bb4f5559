package dev.berth.egress;

import dev.berth.core.egress.EgressPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves a host once and hands Jetty only the addresses the policy allows, which are then the addresses it
 * connects to: there is no second lookup for DNS to answer differently. When no address is left, the first refused
 * one is named in the refusal, before any connection is tried.
 */
final class PolicyResolver implements SocketAddressResolver {
    private final EgressPolicy policy;
    private final Executor executor;

    PolicyResolver(EgressPolicy policy, Executor executor) {
        this.policy = policy;
        this.executor = executor;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        executor.execute(() -> {
            try {
                promise.succeeded(allowed(host, port));
            } catch (Exception e) {
                promise.failed(e);
            }
        });
    }

    List<InetSocketAddress> allowed(String host, int port) throws Exception {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        List<InetSocketAddress> allowed = new ArrayList<>();
        for (InetAddress address : addresses) {
            if (policy.permits(host, address, port)) {
                allowed.add(new InetSocketAddress(address, port));
            }
        }
        if (allowed.isEmpty()) {
            if (addresses.length == 0) {
                throw new UnknownHostException(host);
            }
            policy.check(host, addresses[0], port);
        }
        return allowed;
    }
}
