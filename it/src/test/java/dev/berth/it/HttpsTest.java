package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.server.Berth;
import dev.berth.server.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Berth on HTTPS only, with the development certificate authority it makes on first start: OpenSSL's client for the
 * protocol versions and cipher suites, skopeo trusting nothing but that authority (from a certs directory, as
 * containers/image reads it), plain HTTP truly off; then {@code berth serve --tls} from the jar, and certificates
 * made by OpenSSL served as given.
 */
@Timeout(180)
class HttpsTest {
    private static final int HTTP_PORT = freePort();
    private static final String ADMIN_PASSWORD = "https-admin-pw";

    @RegisterExtension
    static final EmbeddedBerth berth = EmbeddedBerth.create(Map.of(
            "server.port", String.valueOf(HTTP_PORT),
            "server.http.enabled", "false",
            "server.tls.enabled", "true",
            "server.tls.port", "0",
            "auth.enabled", "true",
            "auth.adminPassword", ADMIN_PASSWORD));

    private final OciLayout busybox = TestImages.busybox();

    @Test
    void tls11IsRefusedWhileTls12AndTls13Connect() {
        List<String> verified = OpensslClient.verifiedBy(authority().toString());

        OpensslClient.Handshake tls11 = handshake(options("-tls1_1", OpensslClient.LEGACY));
        OpensslClient.Handshake tls12 = handshake(options("-tls1_2", verified));
        OpensslClient.Handshake tls13 = handshake(options("-tls1_3", verified));

        assertFalse(tls11.connected(), tls11.output());
        assertTrue(tls11.output().contains("alert protocol version"), tls11.output());
        assertTrue(tls12.connected(), tls12.output());
        assertEquals("TLSv1.2", tls12.protocol());
        assertTrue(tls12.cipherSuite().matches("ECDHE-ECDSA-(AES\\d+-GCM-SHA\\d+|CHACHA20-POLY1305)"), tls12.output());
        assertTrue(tls13.connected(), tls13.output());
        assertEquals("TLSv1.3", tls13.protocol());
    }

    @Test
    void tls12RefusesSuitesWithoutForwardSecrecyOrAuthenticatedEncryption() {
        for (String suite : List.of("ECDHE-ECDSA-AES128-SHA256", "ECDHE-ECDSA-AES256-SHA", "AES128-GCM-SHA256")) {
            OpensslClient.Handshake refused = handshake(options("-tls1_2", List.of("-cipher", suite + ":@SECLEVEL=0")));

            assertFalse(refused.connected(), suite + ":\n" + refused.output());
            assertTrue(refused.output().contains("alert handshake failure"), suite + ":\n" + refused.output());
        }
        OpensslClient.Handshake chacha =
                handshake(options("-tls1_2", List.of("-cipher", "ECDHE-ECDSA-CHACHA20-POLY1305")));
        assertTrue(chacha.connected(), chacha.output());
    }

    @Test
    void skopeoSignsInAndCopiesOverHttpsTrustingOnlyTheDevelopmentAuthority(@TempDir Path certDir) throws IOException {
        Files.copy(authority(), certDir.resolve("ca.crt"));
        String image = berth.docker("https/busybox:1");
        String creds = "admin:" + ADMIN_PASSWORD;

        Skopeo.run("copy", "--dest-cert-dir", certDir.toString(), "--dest-creds", creds, busybox.reference(), image);
        JsonDoc inspected =
                JsonDoc.parse(Skopeo.run("inspect", "--cert-dir", certDir.toString(), "--creds", creds, image)
                        .stdout());
        Command.Result anonymous = Skopeo.attempt("inspect", "--cert-dir", certDir.toString(), image);
        assertNotEquals(0, anonymous.exitCode(), "without credentials the registry refuses");

        assertEquals(busybox.top().digest(), inspected.text("Digest"));
    }

    @Test
    void withoutTheAuthoritySkopeoRefusesTheCertificate() {
        Command.Result refused = Skopeo.attempt("inspect", berth.docker("https/none:1"));

        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.stderr().contains("certificate signed by unknown authority"), refused.describe());
    }

    @Test
    void withPlainHttpOffNothingListensOnItsPort() {
        assertNotEquals(HTTP_PORT, Integer.parseInt(berth.host().split(":")[1]));
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", HTTP_PORT).close());
    }

    @Test
    void berthServeTlsListensOnBothAndSaysHowToTrustTheAuthority(@TempDir Path dir) throws Exception {
        int httpsPort = freePort();
        Path dataDir = dir.resolve("data");
        try (BerthProcess process = BerthProcess.start(
                dataDir, dir.resolve("berth.log"), List.of("--tls", "--tls-port", String.valueOf(httpsPort)))) {
            Path ca = dataDir.resolve("keys/tls/ca.pem");
            String output = process.output();

            assertTrue(output.contains("berth: listening on https://127.0.0.1:" + httpsPort + "\n"), output);
            assertTrue(output.contains("(development): " + ca + "\n"), output);
            assertTrue(output.contains("/etc/containers/certs.d/127.0.0.1:" + httpsPort + "/ca.crt"), output);
            assertEquals(200, process.client().get("/v2/").status());
            Command.Result curl = Command.run(
                    List.of(
                            "curl",
                            "-sS",
                            "-o",
                            "/dev/null",
                            "-w",
                            "%{http_code}",
                            "--cacert",
                            ca.toString(),
                            "https://127.0.0.1:" + httpsPort + "/v2/"),
                    Map.of(),
                    Duration.ofSeconds(30));
            assertEquals("200", curl.out());
        }
    }

    @Test
    void certificatesAndKeysMadeByOpensslAreServedAsGiven(@TempDir Path dir) throws Exception {
        Map<String, List<String>> keyKinds = Map.of(
                "rsa-pkcs1", List.of("-newkey", "rsa:2048"),
                "ec-sec1", List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"));
        for (var kind : keyKinds.entrySet()) {
            Path cert = dir.resolve(kind.getKey() + ".crt");
            Path key = opensslCertificate(dir, kind.getKey(), kind.getValue(), cert);

            try (Berth served = startWithFiles(dir.resolve(kind.getKey() + "-data"), cert, key)) {
                OpensslClient.Handshake handshake = OpensslClient.connect(
                        served.address().getPort(), options("-tls1_3", OpensslClient.verifiedBy(cert.toString())));

                assertTrue(handshake.connected(), kind.getKey() + ":\n" + handshake.output());
            }
        }
    }

    /** A self-signed certificate for 127.0.0.1, and its key in OpenSSL's traditional form (PKCS#1 or SEC1). */
    private static Path opensslCertificate(Path dir, String name, List<String> newKey, Path cert) {
        Path pkcs8 = dir.resolve(name + ".pkcs8.pem");
        Path traditional = dir.resolve(name + ".key");
        List<String> request = new ArrayList<>(List.of("openssl", "req", "-x509", "-nodes", "-days", "2"));
        request.addAll(newKey);
        request.addAll(List.of(
                "-keyout",
                pkcs8.toString(),
                "-out",
                cert.toString(),
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1"));
        Command.run(request, Map.of(), Duration.ofSeconds(60));
        String tool = name.startsWith("rsa") ? "rsa" : "ec";
        List<String> convert =
                new ArrayList<>(List.of("openssl", tool, "-in", pkcs8.toString(), "-out", traditional.toString()));
        if (tool.equals("rsa")) {
            convert.add("-traditional");
        }
        Command.run(convert, Map.of(), Duration.ofSeconds(30));
        return traditional;
    }

    private static Berth startWithFiles(Path dataDir, Path cert, Path key) throws Exception {
        return Berth.start(ConfigLoader.load(
                null,
                Map.of(),
                Map.of(
                        "server.host", "127.0.0.1",
                        "server.http.enabled", "false",
                        "server.tls.enabled", "true",
                        "server.tls.port", "0",
                        "server.tls.certFile", cert.toString(),
                        "server.tls.keyFile", key.toString(),
                        "storage.dataDir", dataDir.toString(),
                        "auth.enabled", "false")));
    }

    private static OpensslClient.Handshake handshake(List<String> options) {
        return OpensslClient.connect(Integer.parseInt(berth.host().split(":")[1]), options);
    }

    private static List<String> options(String version, List<String> more) {
        List<String> options = new ArrayList<>(List.of(version));
        options.addAll(more);
        return options;
    }

    private static Path authority() {
        return berth.dataDir().resolve("keys/tls/ca.pem");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
