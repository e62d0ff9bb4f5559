package dev.berth.core.egress;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The addresses Berth itself listens on: its ports on every address of this machine. Known once the server is up
 * (a port of 0 is chosen then), so the composition root adds them as they become known.
 */
public final class OwnAddresses {
    private final Set<Integer> ports = new CopyOnWriteArraySet<>();

    /** Adds a port the server listens on; 0 (not chosen yet) is ignored. */
    public OwnAddresses listensOn(int port) {
        if (port > 0) {
            ports.add(port);
        }
        return this;
    }

    /** True when a connection to the address and port would reach this server. */
    public boolean isOwn(InetAddress address, int port) {
        return ports.contains(port) && isLocal(EmbeddedAddresses.unwrap(address));
    }

    /** Loopback, the wildcard (which reaches this machine), or an address of one of its interfaces. */
    private static boolean isLocal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true;
        }
    }
}
