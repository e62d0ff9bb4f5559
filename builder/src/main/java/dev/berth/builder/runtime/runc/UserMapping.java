package dev.berth.builder.runtime.runc;

import dev.berth.builder.runtime.runc.RuncOptions.HostIdentity;

/** How a container's users relate to the host's. */
sealed interface UserMapping {

    /** Container ids 0 to 65535 are an unprivileged host range; runc runs as root (the default as root). */
    record Shifted(HostIdRange range) implements UserMapping {}

    /** Rootless runc: the one host identity runc runs as is root inside; no other user exists. */
    record Rootless(HostIdentity runcUser) implements UserMapping {}

    /**
     * No user namespace: container root is host root. Only where id-mapped mounts are missing (kernel before 5.12 or
     * a filesystem without support) and runc runs as root; the other protections still apply.
     */
    record HostRoot() implements UserMapping {}

    default boolean hasUserNamespace() {
        return !(this instanceof HostRoot);
    }

    default boolean isRootless() {
        return this instanceof Rootless;
    }
}
