package dev.berth.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentCertificatesTest {
    private static final HostNames NAMES = HostNames.of("localhost", "127.0.0.1", "::1");
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    @TempDir
    Path dir;

    @Test
    void theFirstStartCreatesAnAuthorityAndAServerCertificateForTheNames() throws Exception {
        Provisioned provisioned = DevelopmentCertificates.in(dir).provision(NAMES);

        assertTrue(provisioned.authorityCreated());
        assertEquals(Provisioned.Renewal.NEW_AUTHORITY, provisioned.serverCertificate());
        assertEquals(dir.resolve("ca.pem"), provisioned.authorityCertificate());
        X509Certificate authority =
                PemFiles.readCertificates(dir.resolve("ca.pem")).getFirst();
        X509Certificate server = provisioned.identity().certificate();
        assertEquals(0, authority.getBasicConstraints());
        assertEquals(-1, server.getBasicConstraints());
        assertEquals(List.of(SERVER_AUTH), server.getExtendedKeyUsage());
        assertTrue(NAMES.matches(server));
        assertEquals(List.of(server), provisioned.identity().chain());
        assertTrue(server.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(364))));
        validates(server, authority);
    }

    @Test
    void keysAreReadableByTheirOwnerOnly() throws Exception {
        DevelopmentCertificates.in(dir).provision(NAMES);

        assertEquals("rwx------", permissions(dir));
        assertEquals("rw-------", permissions(dir.resolve("ca-key.pem")));
        assertEquals("rw-------", permissions(dir.resolve("server-key.pem")));
        assertEquals("rw-r--r--", permissions(dir.resolve("ca.pem")));
        assertEquals("rw-r--r--", permissions(dir.resolve("server.pem")));
        try (var files = Files.list(dir)) {
            assertEquals(4, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void laterStartsReuseTheAuthorityAndTheServerCertificate() throws Exception {
        Provisioned first = DevelopmentCertificates.in(dir).provision(NAMES);
        byte[] authority = Files.readAllBytes(dir.resolve("ca.pem"));
        byte[] server = Files.readAllBytes(dir.resolve("server.pem"));

        Provisioned second = DevelopmentCertificates.in(dir).provision(NAMES);

        assertFalse(second.authorityCreated());
        assertEquals(Provisioned.Renewal.NOT_NEEDED, second.serverCertificate());
        assertEquals(first.identity().certificate(), second.identity().certificate());
        assertArrayEquals(authority, Files.readAllBytes(dir.resolve("ca.pem")));
        assertArrayEquals(server, Files.readAllBytes(dir.resolve("server.pem")));
    }

    @Test
    void theSameNamesInAnotherOrderOrSpellingAreNoChange() throws Exception {
        DevelopmentCertificates.in(dir).provision(NAMES);

        Provisioned again =
                DevelopmentCertificates.in(dir).provision(HostNames.of("0:0:0:0:0:0:0:1", "LOCALHOST", "127.0.0.1"));

        assertEquals(Provisioned.Renewal.NOT_NEEDED, again.serverCertificate());
    }

    @Test
    void changedNamesIssueANewServerCertificateFromTheSameAuthority() throws Exception {
        DevelopmentCertificates.in(dir).provision(NAMES);
        byte[] authority = Files.readAllBytes(dir.resolve("ca.pem"));
        HostNames more = HostNames.of("localhost", "127.0.0.1", "::1", "registry.test");

        Provisioned changed = DevelopmentCertificates.in(dir).provision(more);

        assertFalse(changed.authorityCreated());
        assertEquals(Provisioned.Renewal.NAMES_CHANGED, changed.serverCertificate());
        assertTrue(more.matches(changed.identity().certificate()));
        assertTrue(more.matches(ServerIdentity.load(dir.resolve("server.pem"), dir.resolve("server-key.pem"))
                .certificate()));
        assertArrayEquals(authority, Files.readAllBytes(dir.resolve("ca.pem")));
        validates(
                changed.identity().certificate(),
                PemFiles.readCertificates(dir.resolve("ca.pem")).getFirst());
    }

    @Test
    void aServerCertificateExpiringWithinThirtyDaysIsRenewed() throws Exception {
        DevelopmentCertificates.in(dir).provision(NAMES);
        Clock in340Days = clockIn(Duration.ofDays(340));

        Provisioned later = DevelopmentCertificates.in(dir, in340Days).provision(NAMES);

        assertFalse(later.authorityCreated());
        assertEquals(Provisioned.Renewal.EXPIRING, later.serverCertificate());
        assertTrue(later.identity()
                .certificate()
                .getNotAfter()
                .toInstant()
                .isAfter(in340Days.instant().plus(Duration.ofDays(364))));
    }

    @Test
    void anAuthorityExpiringWithinThirtyDaysIsReplacedAndTheServerCertificateWithIt() throws Exception {
        DevelopmentCertificates.in(dir).provision(NAMES);
        byte[] authority = Files.readAllBytes(dir.resolve("ca.pem"));

        Provisioned later =
                DevelopmentCertificates.in(dir, clockIn(Duration.ofDays(3640))).provision(NAMES);

        assertTrue(later.authorityCreated());
        assertEquals(Provisioned.Renewal.NEW_AUTHORITY, later.serverCertificate());
        assertFalse(java.util.Arrays.equals(authority, Files.readAllBytes(dir.resolve("ca.pem"))));
    }

    @Test
    void aServerCertificateFromAnotherAuthorityIsReissued() throws Exception {
        DevelopmentCertificates.in(dir).provision(NAMES);
        Path other = Files.createDirectory(dir.resolve("other"));
        DevelopmentCertificates.in(other).provision(NAMES);
        Files.copy(
                other.resolve("server.pem"),
                dir.resolve("server.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                other.resolve("server-key.pem"),
                dir.resolve("server-key.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Provisioned again = DevelopmentCertificates.in(dir).provision(NAMES);

        assertEquals(Provisioned.Renewal.NEW_AUTHORITY, again.serverCertificate());
        validates(
                again.identity().certificate(),
                PemFiles.readCertificates(dir.resolve("ca.pem")).getFirst());
    }

    @Test
    void anUnusableOrMissingServerCertificateIsReissued() throws Exception {
        DevelopmentCertificates.in(dir).provision(NAMES);
        Files.writeString(dir.resolve("server.pem"), "not a certificate");

        assertEquals(
                Provisioned.Renewal.UNUSABLE,
                DevelopmentCertificates.in(dir).provision(NAMES).serverCertificate());

        Files.delete(dir.resolve("server-key.pem"));

        assertEquals(
                Provisioned.Renewal.MISSING,
                DevelopmentCertificates.in(dir).provision(NAMES).serverCertificate());
    }

    @Test
    void anAuthorityWithoutItsKeyIsAnErrorNotAReplacement() throws Exception {
        DevelopmentCertificates.in(dir).provision(NAMES);
        byte[] authority = Files.readAllBytes(dir.resolve("ca.pem"));
        Files.delete(dir.resolve("ca-key.pem"));

        IOException e = assertThrows(
                IOException.class, () -> DevelopmentCertificates.in(dir).provision(NAMES));

        assertTrue(e.getMessage().contains("ca-key.pem"), e.getMessage());
        assertTrue(e.getMessage().contains("remove " + dir.resolve("ca.pem")), e.getMessage());
        assertArrayEquals(authority, Files.readAllBytes(dir.resolve("ca.pem")));
        assertNotEquals(0, authority.length);
    }

    /** Validates the certificate as a JDK client that trusts only the authority would (PKIX, RFC 5280). */
    private static void validates(X509Certificate server, X509Certificate authority) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(authority, null)));
        parameters.setRevocationEnabled(false);
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(server));
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    private static Clock clockIn(Duration later) {
        return Clock.fixed(Instant.now().plus(later), ZoneOffset.UTC);
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
