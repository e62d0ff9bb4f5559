package dev.berth.client;

import static dev.berth.client.RegistryClientTest.assertKind;
import static dev.berth.client.RegistryClientTest.name;
import static dev.berth.client.RegistryClientTest.tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.berth.client.RegistryClientException.Kind;
import dev.berth.core.oci.Digest;
import dev.berth.core.oci.MediaTypes;
import dev.berth.core.oci.Reference;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What Berth never does but other registries may: Basic, foreign token services, redirects, lies and stalls. */
@Timeout(30)
class RegistryClientProtocolTest {
    private static final byte[] MANIFEST = TestImages.image("amd64").content();
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes());

    private final FakeRegistry registry = new FakeRegistry();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        registry.close();
    }

    @Test
    void answersABasicChallengeAndSendsBasicFromThenOn() throws Exception {
        registry.on("/v2/", basicOnly(exchange -> FakeRegistry.send(exchange, 200, null, new byte[0])))
                .on("/v2/app/manifests/1", basicOnly(this::manifest));

        try (RegistryClient client = client(registry.uri(), new Credentials("u", "p"))) {
            client.ping();
            client.manifest(name("app"), tag("1"));
        }

        assertEquals(List.of("", BASIC, BASIC), registry.authorizations);
    }

    @Test
    void aBasicRegistryRefusingTheCredentialsIsUnauthorized() throws Exception {
        registry.on("/v2/", basicOnly(exchange -> FakeRegistry.send(exchange, 200, null, new byte[0])));

        try (RegistryClient client = client(registry.uri(), new Credentials("u", "wrong"))) {
            assertKind(Kind.UNAUTHORIZED, () -> {
                client.ping();
                return null;
            });
        }
    }

    @Test
    void fetchesATokenForTheScopeFromTheRealmWithBasicCredentials() throws Exception {
        String realm = registry.uri() + "/token";
        registry.on("/token", exchange -> {
                    String query = exchange.getRequestURI().getQuery();
                    boolean ok = query.contains("service=fake") && query.contains("scope=repository:app:pull");
                    FakeRegistry.send(
                            exchange,
                            ok ? 200 : 400,
                            "application/json",
                            "{\"access_token\":\"t1\",\"expires_in\":300}".getBytes());
                })
                .on("/v2/app/manifests/1", exchange -> {
                    if (!"Bearer t1".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                        exchange.getResponseHeaders()
                                .add(
                                        "WWW-Authenticate",
                                        "Bearer realm=\"" + realm
                                                + "\",service=\"fake\",scope=\"repository:app:pull\"");
                        FakeRegistry.send(exchange, 401, null, new byte[0]);
                        return;
                    }
                    manifest(exchange);
                });

        try (RegistryClient client = client(registry.uri(), new Credentials("u", "p"))) {
            client.manifest(name("app"), tag("1"));
            client.manifest(name("app"), tag("1"));
        }

        assertEquals(List.of("", BASIC, "Bearer t1", "Bearer t1"), registry.authorizations);
    }

    @Test
    void followsARedirectWithoutTakingTheCredentialsToAnotherOrigin() throws Exception {
        byte[] bytes = "layer".getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.sha256(bytes);
        try (FakeRegistry storage = new FakeRegistry()) {
            storage.on("/bucket/x", exchange -> FakeRegistry.send(exchange, 200, null, bytes));
            registry.on("/v2/", basicOnly(exchange -> FakeRegistry.send(exchange, 200, null, new byte[0])))
                    .on("/v2/app/blobs/" + digest, exchange -> {
                        exchange.getResponseHeaders().set("Location", storage.uri() + "/bucket/x");
                        FakeRegistry.send(exchange, 307, null, new byte[0]);
                    });

            try (RegistryClient client = client(registry.uri(), new Credentials("u", "p"));
                    BlobStream blob = pingThenBlob(client, digest)) {
                assertArrayEquals(bytes, blob.readAllBytes());
            }
            assertEquals(List.of(""), storage.authorizations);
        }
    }

    @Test
    void contentThatIsNotWhatItsDigestSaysIsInvalid() throws Exception {
        Digest claimed = Digest.sha256("other".getBytes());
        registry.on("/v2/app/manifests/" + claimed, this::manifest)
                .on("/v2/app/manifests/1", exchange -> {
                    exchange.getResponseHeaders().set("Docker-Content-Digest", claimed.toString());
                    manifest(exchange);
                })
                .on("/v2/app/blobs/" + claimed, exchange -> FakeRegistry.send(exchange, 200, null, "lie".getBytes()));

        try (RegistryClient client = client(registry.uri(), null)) {
            assertKind(Kind.INVALID_RESPONSE, () -> client.manifest(name("app"), new Reference.ByDigest(claimed)));
            assertKind(Kind.INVALID_RESPONSE, () -> client.manifest(name("app"), tag("1")));
            RegistryClientException blob = assertKind(Kind.INVALID_RESPONSE, () -> client.blob(name("app"), claimed));
            assertTrue(blob.getMessage().contains("has the content of"), blob.getMessage());
        }
    }

    @Test
    void aManifestLargerThanTheLimitIsInvalid() throws Exception {
        registry.on("/v2/app/manifests/1", exchange -> FakeRegistry.send(exchange, 200, null, new byte[5000]));
        ClientSettings settings = ClientSettings.of(registry.uri());
        settings = new ClientSettings(
                settings.registry(),
                settings.credentials(),
                settings.trust(),
                settings.connectTimeout(),
                settings.responseTimeout(),
                settings.idleTimeout(),
                4096);

        try (RegistryClient client = RegistryClient.create(settings, TestEgress.LOOPBACK)) {
            assertKind(Kind.INVALID_RESPONSE, () -> client.manifest(name("app"), tag("1")));
        }
    }

    @Test
    void aBodyThatStallsTimesOutInsteadOfHanging() throws Exception {
        Digest digest = Digest.sha256(new byte[1000]);
        registry.on("/v2/app/blobs/" + digest, exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write(new byte[10]);
            exchange.getResponseBody().flush();
            awaitRelease();
        });

        Instant start = Instant.now();
        try (RegistryClient client = client(registry.uri(), null)) {
            RegistryClientException e = assertKind(Kind.TIMEOUT, () -> client.blob(name("app"), digest));
            assertTrue(e.getMessage().contains("after 10 bytes"), e.getMessage());
        }
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 5);
    }

    @Test
    void aRegistryThatNeverAnswersTimesOut() throws Exception {
        registry.on("/v2/", exchange -> awaitRelease());

        try (RegistryClient client = client(registry.uri(), null)) {
            assertKind(Kind.TIMEOUT, () -> {
                client.ping();
                return null;
            });
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (RegistryClient client = client(URI.create("http://127.0.0.1:" + port), null)) {
            RegistryClientException e = assertKind(Kind.UNREACHABLE, () -> {
                client.ping();
                return null;
            });
            assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        }
    }

    @Test
    void errorsOfTheRegistryCarryItsCodeAndMessage() throws Exception {
        registry.on(
                "/v2/app/manifests/1",
                exchange -> FakeRegistry.send(
                        exchange,
                        429,
                        "application/json",
                        "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}".getBytes()));

        try (RegistryClient client = client(registry.uri(), null)) {
            RegistryClientException e =
                    assertKind(Kind.UNEXPECTED_STATUS, () -> client.manifest(name("app"), tag("1")));
            assertEquals(429, e.status());
            assertEquals("TOOMANYREQUESTS", e.registryCode().orElseThrow());
            assertTrue(e.getMessage().contains("slow down"), e.getMessage());
        }
    }

    private static BlobStream pingThenBlob(RegistryClient client, Digest digest) throws IOException {
        client.ping();
        return client.blob(name("app"), digest);
    }

    private void manifest(HttpExchange exchange) throws IOException {
        FakeRegistry.send(exchange, 200, MediaTypes.OCI_MANIFEST, MANIFEST);
    }

    private void awaitRelease() {
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static FakeRegistry.Handler basicOnly(FakeRegistry.Handler then) {
        return exchange -> {
            if (BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                then.handle(exchange);
                return;
            }
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fake\"");
            FakeRegistry.send(exchange, 401, null, new byte[0]);
        };
    }

    private static RegistryClient client(URI uri, Credentials credentials) throws IOException {
        ClientSettings settings = ClientSettings.of(uri).withTimeouts(Duration.ofMillis(700));
        return RegistryClient.create(
                credentials == null ? settings : settings.withCredentials(credentials), TestEgress.LOOPBACK);
    }
}
