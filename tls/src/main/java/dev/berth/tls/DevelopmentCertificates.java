package dev.berth.tls;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A self-signed certificate authority for development, and the server certificate it issues for the configured host
 * names, kept in one directory and reused from one start to the next:
 *
 * <pre>
 * &lt;data-dir&gt;/keys/tls/         (0700)
 * ├── ca.pem                the authority's certificate: the file clients are told to trust
 * ├── ca-key.pem            its private key, PKCS#8 (0600)
 * ├── server.pem            the server certificate, for the configured names
 * └── server-key.pem        its private key, PKCS#8 (0600)
 * </pre>
 *
 * <p>The authority is created when {@code ca.pem} is missing, and created again when it expires within {@link
 * #RENEW_BEFORE}. A {@code ca.pem} whose key is missing or unreadable is an error, never a reason to replace an
 * authority that clients may already trust. The server certificate is issued again when it is missing or unusable,
 * was not signed by the authority, names other hosts, or expires within {@link #RENEW_BEFORE}. Keys are written before
 * their certificates, each file through a synced temporary file renamed into place, so a crash leaves either the old
 * files or a state the next start repairs.
 */
public final class DevelopmentCertificates {
    /** How long before expiry a certificate is replaced. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final Path directory;
    private final Clock clock;
    private final CertificateIssuer issuer;

    private DevelopmentCertificates(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.issuer = new CertificateIssuer(clock);
    }

    /** The certificates kept in the directory, which is created on first use. */
    public static DevelopmentCertificates in(Path directory) {
        return in(directory, Clock.systemUTC());
    }

    /** As {@link #in(Path)}, with the clock that decides what has expired. */
    public static DevelopmentCertificates in(Path directory, Clock clock) {
        return new DevelopmentCertificates(directory, clock);
    }

    public Path authorityCertificate() {
        return directory.resolve("ca.pem");
    }

    /**
     * Makes sure the directory holds an authority and a server certificate for exactly these names, creating or
     * renewing what is missing or stale, and returns the server's identity.
     *
     * @throws IOException when the directory cannot be written, or {@code ca.pem} exists without a usable key
     */
    public Provisioned provision(HostNames names) throws IOException {
        createPrivateDirectory();
        Optional<Authority> reusable = existingAuthority().filter(authority -> !expiresSoon(authority.certificate()));
        Authority authority = reusable.isPresent() ? reusable.get() : createAuthority();
        Provisioned.Renewal renewal =
                reusable.isPresent() ? renewalNeeded(authority, names) : Provisioned.Renewal.NEW_AUTHORITY;
        ServerIdentity server =
                renewal == Provisioned.Renewal.NOT_NEEDED ? existingServer() : issueServer(authority, names);
        return new Provisioned(server, authorityCertificate(), reusable.isEmpty(), renewal);
    }

    private Authority createAuthority() throws IOException {
        Authority authority = issuer.newAuthority();
        PemFiles.writePrivateKey(file("ca-key.pem"), authority.key());
        PemFiles.writeCertificates(authorityCertificate(), List.of(authority.certificate()));
        return authority;
    }

    private ServerIdentity issueServer(Authority authority, HostNames names) throws IOException {
        ServerIdentity server = issuer.issueServer(authority, names);
        PemFiles.writePrivateKey(file("server-key.pem"), server.key());
        PemFiles.writeCertificates(file("server.pem"), server.chain());
        return server;
    }

    private ServerIdentity existingServer() throws IOException {
        return ServerIdentity.load(file("server.pem"), file("server-key.pem"));
    }

    private Optional<Authority> existingAuthority() throws IOException {
        if (!Files.exists(authorityCertificate())) {
            return Optional.empty();
        }
        X509Certificate certificate =
                PemFiles.readCertificates(authorityCertificate()).getFirst();
        PrivateKey key;
        try {
            key = PemFiles.readPrivateKey(file("ca-key.pem"));
        } catch (IOException e) {
            throw new IOException(
                    e.getMessage() + "; remove " + authorityCertificate()
                            + " to create a new authority (clients must then trust the new one)",
                    e);
        }
        if (!Keys.belongTogether(key, certificate.getPublicKey())) {
            throw new IOException(file("ca-key.pem") + " is not the key of " + authorityCertificate());
        }
        return Optional.of(new Authority(certificate, key));
    }

    private Provisioned.Renewal renewalNeeded(Authority authority, HostNames names) {
        if (!Files.exists(file("server.pem")) || !Files.exists(file("server-key.pem"))) {
            return Provisioned.Renewal.MISSING;
        }
        X509Certificate certificate;
        try {
            certificate = existingServer().certificate();
        } catch (IOException unusable) {
            return Provisioned.Renewal.UNUSABLE;
        }
        if (!signedBy(certificate, authority)) {
            return Provisioned.Renewal.NEW_AUTHORITY;
        }
        if (!names.matches(certificate)) {
            return Provisioned.Renewal.NAMES_CHANGED;
        }
        return expiresSoon(certificate) ? Provisioned.Renewal.EXPIRING : Provisioned.Renewal.NOT_NEEDED;
    }

    private static boolean signedBy(X509Certificate certificate, Authority authority) {
        try {
            certificate.verify(authority.certificate().getPublicKey());
            return certificate
                    .getIssuerX500Principal()
                    .equals(authority.certificate().getSubjectX500Principal());
        } catch (GeneralSecurityException notByIt) {
            return false;
        }
    }

    private boolean expiresSoon(X509Certificate certificate) {
        return certificate.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE));
    }

    private void createPrivateDirectory() throws IOException {
        Files.createDirectories(directory);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private Path file(String name) {
        return directory.resolve(name);
    }
}
