package dev.berth.client;

import java.nio.file.Path;

/** Which HTTPS certificates the client accepts. */
public sealed interface Trust {
    /** The JDK's trusted authorities, host name checked: the default. */
    record Default() implements Trust {}

    /** Only the authorities in one PEM file (such as the development CA of {@code berth serve --tls}), host checked. */
    record Authorities(Path pemFile) implements Trust {}

    /**
     * Any certificate for any name, and plain HTTP when no TLS conversation can be had at all, as {@code
     * --tls-verify=false} is for podman and skopeo. For tests and registries on a private network only.
     */
    record Insecure() implements Trust {}

    static Trust system() {
        return new Default();
    }

    static Trust insecure() {
        return new Insecure();
    }

    static Trust authorities(Path pemFile) {
        return new Authorities(pemFile);
    }
}
