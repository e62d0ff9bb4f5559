package dev.berth.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.server.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Berth on HTTPS, on port 0, with the development certificate authority; clients trust only its ca.pem. */
class HttpsTest {
    @TempDir
    Path dataDir;

    private Berth start(Map<String, String> extra) throws Exception {
        Map<String, String> overrides = new HashMap<>(Map.of(
                "server.host", "127.0.0.1",
                "server.port", "0",
                "server.tls.enabled", "true",
                "server.tls.port", "0",
                "server.http.enabled", "false",
                "storage.dataDir", dataDir.toString(),
                "auth.enabled", "false"));
        overrides.putAll(extra);
        return Berth.start(ConfigLoader.load(null, Map.of(), overrides));
    }

    @Test
    void withPlainHttpOffBerthServesHttpsWithItsDevelopmentCertificate() throws Exception {
        try (Berth berth = start(Map.of())) {
            HttpClient client =
                    HttpClient.newBuilder().sslContext(trustingTheAuthority()).build();

            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(
                                    "https://127.0.0.1:" + berth.address().getPort() + "/v2/"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
            assertEquals(HttpClient.Version.HTTP_1_1, response.version());
        }
        for (String file : new String[] {"ca.pem", "ca-key.pem", "server.pem", "server-key.pem"}) {
            assertTrue(Files.isRegularFile(dataDir.resolve("keys/tls").resolve(file)), file);
        }
    }

    @Test
    void theTokenRealmClientsAreSentToIsOnHttpsToo() throws Exception {
        try (Berth berth = start(Map.of("auth.enabled", "true", "auth.adminPassword", "admin-password"))) {
            HttpClient client =
                    HttpClient.newBuilder().sslContext(trustingTheAuthority()).build();
            String base = "https://127.0.0.1:" + berth.address().getPort();

            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/v2/")).build(), HttpResponse.BodyHandlers.discarding());

            assertEquals(401, response.statusCode());
            String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
            assertTrue(challenge.startsWith("Bearer realm=\"" + base + "/oauth2/token\""), challenge);
        }
    }

    @Test
    void tls12IsNegotiatedOnlyWithForwardSecretAeadSuites() throws Exception {
        try (Berth berth = start(Map.of())) {
            try (SSLSocket socket = connect(berth, "TLSv1.2", null)) {
                socket.startHandshake();

                assertEquals("TLSv1.2", socket.getSession().getProtocol());
                assertTrue(
                        socket.getSession().getCipherSuite().matches("TLS_ECDHE_ECDSA_WITH_(AES_.*_GCM|CHACHA20).*"),
                        socket.getSession().getCipherSuite());
            }
            try (SSLSocket cbcOnly = connect(berth, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256")) {
                assertThrows(SSLHandshakeException.class, cbcOnly::startHandshake);
            }
            try (SSLSocket tls13 = connect(berth, "TLSv1.3", null)) {
                tls13.startHandshake();

                assertEquals("TLSv1.3", tls13.getSession().getProtocol());
            }
        }
    }

    @Test
    void aHostTheCertificateDoesNotNameIsStillAnswered() throws Exception {
        try (Berth berth = start(Map.of());
                SSLSocket socket = connect(berth, "TLSv1.3", null)) {
            socket.getOutputStream()
                    .write("GET /v2/ HTTP/1.1\r\nHost: elsewhere.test\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));

            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertTrue(reply.startsWith("HTTP/1.1 200 "), reply);
        }
    }

    @Test
    void withBothOnBothListenAndWithHttpOffNothingListensOnItsPort() throws Exception {
        int httpsPort = freePort();
        try (Berth berth = start(Map.of("server.http.enabled", "true", "server.tls.port", String.valueOf(httpsPort)))) {
            HttpClient client =
                    HttpClient.newBuilder().sslContext(trustingTheAuthority()).build();
            URI plain = URI.create("http://127.0.0.1:" + berth.address().getPort() + "/v2/");
            URI secure = URI.create("https://127.0.0.1:" + httpsPort + "/v2/");

            assertEquals(
                    200,
                    client.send(HttpRequest.newBuilder(plain).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode());
            assertEquals(
                    200,
                    client.send(HttpRequest.newBuilder(secure).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode());
        }
        int httpPort = freePort();
        try (Berth berth = start(Map.of("server.port", String.valueOf(httpPort)))) {
            assertTrue(berth.address().getPort() != httpPort);
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", httpPort).close());
        }
    }

    @Test
    void anUnreadableKeyFailsTheStartNamingTheFileAndReleasesTheDataDirectory() throws Exception {
        Path cert = Files.writeString(dataDir.resolve("cert.pem"), "");
        Path key = dataDir.resolve("missing-key.pem");
        Map<String, String> files =
                Map.of("server.tls.certFile", cert.toString(), "server.tls.keyFile", key.toString());

        IOException e = assertThrows(IOException.class, () -> start(files).close());

        assertTrue(e.getMessage().startsWith(cert + ": no PEM CERTIFICATE block"), e.getMessage());
        start(Map.of()).close();
    }

    @Test
    void aRestartServesTheSameCertificate() throws Exception {
        start(Map.of()).close();
        byte[] authority = Files.readAllBytes(dataDir.resolve("keys/tls/ca.pem"));
        byte[] server = Files.readAllBytes(dataDir.resolve("keys/tls/server.pem"));

        start(Map.of()).close();

        assertArrayEquals(authority, Files.readAllBytes(dataDir.resolve("keys/tls/ca.pem")));
        assertArrayEquals(server, Files.readAllBytes(dataDir.resolve("keys/tls/server.pem")));
    }

    private SSLSocket connect(Berth berth, String protocol, String onlySuite) throws Exception {
        SSLSocket socket = (SSLSocket) trustingTheAuthority()
                .getSocketFactory()
                .createSocket("127.0.0.1", berth.address().getPort());
        socket.setSoTimeout(10_000);
        socket.setEnabledProtocols(new String[] {protocol});
        if (onlySuite != null) {
            socket.setEnabledCipherSuites(new String[] {onlySuite});
        }
        return socket;
    }

    private SSLContext trustingTheAuthority() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(dataDir.resolve("keys/tls/ca.pem"))) {
            trusted.setCertificateEntry(
                    "berth-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
