package dev.berth.server.config;

import dev.berth.core.auth.Cidr;
import dev.berth.core.egress.EgressSettings;
import dev.berth.core.tier.TierCatalog;
import dev.berth.tasks.build.SandboxLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Berth's whole configuration, one record per section; the defaults and their meaning are in {@code
 * berth-defaults.yml}.
 */
public record BerthConfig(
        Server server,
        Storage storage,
        Uploads uploads,
        Registry registry,
        TierCatalog tiers,
        Throttling throttling,
        Auth auth,
        Imports imports,
        Webhooks webhooks,
        Events events,
        Log log,
        Tasks tasks,
        Sandbox sandbox,
        Runs runs,
        EgressSettings egress) {
    /**
     * @param port the plain HTTP port, used only when {@code httpEnabled}
     * @param tls HTTPS, on a port of its own
     */
    public record Server(
            String host,
            int port,
            Duration idleTimeout,
            int maxHeaderBytes,
            Duration shutdownGrace,
            boolean httpEnabled,
            Tls tls,
            SlowClients slowClients) {}

    /**
     * When a client too slow to be a real one is cut off.
     *
     * @param headerTimeout a request's line and headers must arrive within this of their first byte
     * @param minBodyBytesPerSecond the least average rate of a request body, 0 for none
     * @param bodyGrace how long a body may be read before that rate is held to it
     */
    public record SlowClients(Duration headerTimeout, long minBodyBytesPerSecond, Duration bodyGrace) {}

    /** HTTPS (TLS 1.2 and 1.3): whether it is on, its port, and where its certificate comes from. */
    public record Tls(boolean enabled, int port, Certificate certificate) {}

    /** Where the HTTPS certificate comes from. */
    public sealed interface Certificate permits CertificateFiles, DevelopmentCertificate {}

    /** A PEM certificate chain and its PEM private key, from files the operator provides. */
    public record CertificateFiles(Path certFile, Path keyFile) implements Certificate {}

    /**
     * A certificate from Berth's own development certificate authority, generated on first start.
     *
     * @param directory where the authority and the certificate are kept: {@code <storage.dataDir>/keys/tls}
     * @param names the host names and addresses it covers; empty for the local defaults (localhost, 127.0.0.1, ::1
     *     and this machine's hostname)
     */
    public record DevelopmentCertificate(Path directory, List<String> names) implements Certificate {}

    public record Storage(Path dataDir) {}

    /** Whether request rates are limited at each tier's rates; off, only storage and counts are limited. */
    public record Throttling(boolean enabled) {}

    public record Uploads(Duration expiry, Duration sweepInterval) {}

    /**
     * @param domain login servers are {@code <name>.<domain>}
     * @param publicPort the port in login servers; 0 for the port Berth listens on
     */
    public record Registry(String defaultName, String domain, int publicPort) {}

    public record Auth(
            boolean enabled,
            Duration accessTokenTtl,
            Duration refreshTokenTtl,
            String adminPassword,
            List<Cidr> trustedProxies) {
        /** Whether the administrator's first password is to be generated rather than taken from the configuration. */
        public boolean generateAdminPassword() {
            return "generate".equals(adminPassword);
        }

        @Override
        public String toString() {
            return "Auth[enabled=" + enabled + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl="
                    + refreshTokenTtl + ", adminPassword=" + (generateAdminPassword() ? "generate" : "(set)")
                    + ", trustedProxies=" + trustedProxies + "]";
        }
    }

    /**
     * Imports from other registries.
     *
     * @param insecureRegistries {@code host} or {@code host:port} of registries that may be imported from over plain
     *     HTTP or with any certificate
     * @param timeout for connecting to a source, for its first byte of each answer, and between reads
     */
    public record Imports(List<String> insecureRegistries, Duration timeout) {}

    /**
     * @param timeout how long one delivery attempt waits for the receiver
     * @param retryWindow how long a failed event is retried before it is dead-lettered
     * @param initialBackoff the wait before the first retry, doubled for each retry after it
     * @param maxBackoff the longest wait between retries
     * @param historyRetention how long delivery attempts are kept
     */
    public record Webhooks(
            Duration timeout,
            Duration retryWindow,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration historyRetention) {}

    /** @param retention how long an event every consumer has handled is kept */
    public record Events(Duration retention) {}

    public record Log(String level) {}

    /**
     * Runs (quick builds and quick runs) and the agents that carry them out.
     *
     * @param agents how many runs this server carries out at once; 0 starts no agent
     * @param maxSourceSize the largest build source accepted, uploaded or downloaded, in bytes
     */
    public record Tasks(int agents, long maxSourceSize) {}

    /**
     * The sandbox of build and run containers (see docs/builder-runtime.md).
     *
     * @param limits what one build step or quick run may use, by its registry's tier
     * @param hostIdFirst the first unprivileged host id containers' users map to (as root)
     * @param hostIdRanges how many ranges of 65536 ids from there, one per container running at once
     */
    public record Sandbox(SandboxLimits limits, int hostIdFirst, int hostIdRanges) {}

    /**
     * What runs keep, and for how long.
     *
     * @param maxLogSize about how many bytes of the end of each run's log are kept; the head is dropped, with a line
     *     saying so
     * @param retention how long after its end a run is kept, with its log and uploaded source
     */
    public record Runs(long maxLogSize, Duration retention) {}
}
