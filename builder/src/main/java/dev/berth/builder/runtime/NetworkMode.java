package dev.berth.builder.runtime;

/** The network a build process sees ({@code RUN --network}). */
public enum NetworkMode {
    /** A fresh network namespace with only loopback up: the default, as for Docker builds with no network. */
    NONE,
    /** The host's network namespace, with the host's {@code /etc/resolv.conf} and {@code /etc/hosts} bound read-only. */
    HOST
}
