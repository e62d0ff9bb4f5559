package dev.berth.cli.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to trust the server, as {@code berth login} does.
 *
 * @param insecure accept any certificate, and plain HTTP when the address names no scheme and no TLS conversation
 *     could be had
 * @param caFile verify HTTPS against the authorities in this PEM file instead of the system's
 */
public record TlsOptions(boolean insecure, Optional<Path> caFile) {
    public static TlsOptions verified() {
        return new TlsOptions(false, Optional.empty());
    }
}
