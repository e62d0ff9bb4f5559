package dev.berth.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link RegistryClient} talks to one registry.
 *
 * @param registry the registry's base address, {@code https://host[:port]} or {@code http://host[:port]}; see {@link
 *     RegistryAddress} for the forms people write
 * @param credentials what to sign in with, or empty to pull anonymously
 * @param trust which certificates to accept
 * @param connectTimeout how long a TCP and TLS connection may take
 * @param responseTimeout how long the registry may take to start answering a request
 * @param idleTimeout how long a body may stall between two reads before the read fails
 * @param maxManifestBytes the largest manifest read; larger ones fail as invalid
 */
public record ClientSettings(
        URI registry,
        Optional<Credentials> credentials,
        Trust trust,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration idleTimeout,
        int maxManifestBytes) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** As the OCI spec suggests and Berth enforces. */
    public static final int DEFAULT_MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    public ClientSettings {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(trust, "trust");
        if (!"https".equals(registry.getScheme()) && !"http".equals(registry.getScheme())) {
            throw new IllegalArgumentException("a registry address is http:// or https://, not " + registry);
        }
        if (registry.getHost() == null) {
            throw new IllegalArgumentException("a registry address names a host: " + registry);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        if (maxManifestBytes <= 0) {
            throw new IllegalArgumentException("maxManifestBytes must be positive");
        }
    }

    /** Anonymous, verified HTTPS (or the scheme the address gives), default timeouts. */
    public static ClientSettings of(URI registry) {
        return new ClientSettings(
                registry,
                Optional.empty(),
                Trust.system(),
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_RESPONSE_TIMEOUT,
                DEFAULT_IDLE_TIMEOUT,
                DEFAULT_MAX_MANIFEST_BYTES);
    }

    public ClientSettings withCredentials(Credentials credentials) {
        return new ClientSettings(
                registry,
                Optional.of(credentials),
                trust,
                connectTimeout,
                responseTimeout,
                idleTimeout,
                maxManifestBytes);
    }

    public ClientSettings withTrust(Trust trust) {
        return new ClientSettings(
                registry, credentials, trust, connectTimeout, responseTimeout, idleTimeout, maxManifestBytes);
    }

    /** The same timeout for connecting, for the first byte of an answer, and between reads of a body. */
    public ClientSettings withTimeouts(Duration timeout) {
        return new ClientSettings(registry, credentials, trust, timeout, timeout, timeout, maxManifestBytes);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
