package dev.berth.server;

import dev.berth.http.server.HttpServer;
import dev.berth.server.config.BerthConfig;
import dev.berth.tls.DevelopmentCertificates;
import dev.berth.tls.HostNames;
import dev.berth.tls.Provisioned;
import dev.berth.tls.ServerIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns the TLS configuration into what the HTTP server needs: a key store holding the server's key and certificate
 * chain, read from the configured PEM files or provisioned by the development certificate authority. Logs which
 * certificate it serves, and what it had to create.
 */
final class TlsSettings {
    private static final System.Logger LOG = System.getLogger("berth.tls");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TlsSettings() {}

    /** Empty when HTTPS is off. */
    static Optional<HttpServer.Tls> of(BerthConfig.Tls config) throws IOException {
        if (!config.enabled()) {
            return Optional.empty();
        }
        ServerIdentity identity =
                switch (config.certificate()) {
                    case BerthConfig.CertificateFiles files -> fromFiles(files);
                    case BerthConfig.DevelopmentCertificate development -> provision(development);
                };
        char[] password = oneTimePassword();
        return Optional.of(new HttpServer.Tls(config.port(), identity.toKeyStore(password), password));
    }

    /** The development authority's certificate, the file clients are told to trust. */
    static Path authorityCertificate(BerthConfig.DevelopmentCertificate development) {
        return DevelopmentCertificates.in(
                        development.directory().toAbsolutePath().normalize())
                .authorityCertificate();
    }

    private static ServerIdentity fromFiles(BerthConfig.CertificateFiles files) throws IOException {
        ServerIdentity identity = ServerIdentity.load(files.certFile(), files.keyFile());
        X509Certificate certificate = identity.certificate();
        Instant notAfter = certificate.getNotAfter().toInstant();
        LOG.log(
                System.Logger.Level.INFO,
                "serving " + certificate.getSubjectX500Principal().getName() + " from " + files.certFile()
                        + ", valid until " + notAfter);
        if (notAfter.isBefore(Instant.now())) {
            LOG.log(System.Logger.Level.WARNING, "the certificate in " + files.certFile() + " has expired");
        }
        return identity;
    }

    private static ServerIdentity provision(BerthConfig.DevelopmentCertificate development) throws IOException {
        HostNames names =
                development.names().isEmpty() ? HostNames.localDefaults() : new HostNames(development.names());
        Provisioned provisioned =
                DevelopmentCertificates.in(development.directory()).provision(names);
        if (provisioned.authorityCreated()) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "created a development certificate authority, " + authorityCertificate(development)
                            + "; clients must trust it to connect");
        }
        if (provisioned.serverCertificate() != Provisioned.Renewal.NOT_NEEDED) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "issued a development certificate for " + String.join(", ", names.names()) + " ("
                            + because(provisioned.serverCertificate()) + ")");
        }
        return provisioned.identity();
    }

    private static String because(Provisioned.Renewal renewal) {
        return switch (renewal) {
            case NOT_NEEDED -> "reused";
            case MISSING -> "there was none";
            case UNUSABLE -> "the old one was unusable";
            case NEW_AUTHORITY -> "the certificate authority is new";
            case NAMES_CHANGED -> "the host names changed";
            case EXPIRING -> "the old one was about to expire";
        };
    }

    /** The key store lives in memory only; its password just has to be the same for Berth and Jetty. */
    private static char[] oneTimePassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).toCharArray();
    }
}
