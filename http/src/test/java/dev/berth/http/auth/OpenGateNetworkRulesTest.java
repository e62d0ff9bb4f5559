package dev.berth.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.auth.Cidr;
import dev.berth.core.auth.NetworkRules;
import dev.berth.core.registry.DataPlane;
import dev.berth.core.spi.MetadataStore;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.throttle.Throttle;
import dev.berth.http.oci.OciApi;
import dev.berth.http.server.HttpServer;
import dev.berth.metadata.sqlite.SqliteMetadataStore;
import dev.berth.storage.fs.FilesystemBlobStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With authentication off, network rules are the only access control left, and they hold: a client they refuse gets
 * 403 {@code DENIED}, one they admit gets in. The test's client is loopback (always admitted), so it speaks through
 * itself as a trusted proxy, naming the address it stands for in {@code X-Forwarded-For}.
 */
class OpenGateNetworkRulesTest {
    private static final NetworkRules ONLY_TEN =
            new NetworkRules(true, NetworkRules.DefaultAction.DENY, List.of(Cidr.parse("10.0.0.0/8")));

    @TempDir
    Path dir;

    private MetadataStore metadata;
    private HttpServer server;
    private final AtomicReference<NetworkRules> rules = new AtomicReference<>(ONLY_TEN);
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        metadata = SqliteMetadataStore.open(dir.resolve("berth.db"), Clock.systemUTC());
        RegistryRecord registry = metadata.registries().getOrCreate("default");
        DataPlane dataPlane = DataPlane.create(new FilesystemBlobStore(dir), metadata, Clock.systemUTC());
        AccessGate gate = AccessGate.open(
                Throttle.unlimited(), new ClientAddresses(List.of(Cidr.parse("127.0.0.0/8"))), ignored -> rules.get());
        server = new HttpServer(
                new HttpServer.Settings("127.0.0.1", 0, Duration.ofSeconds(30), 16384, Duration.ofSeconds(1)),
                List.of(new OciApi(host -> Optional.of(registry), dataPlane, gate)));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        metadata.close();
    }

    @Test
    void aClientTheRulesRefuseIsDeniedEvenWithAuthenticationOff() throws Exception {
        HttpResponse<String> refused = get("203.0.113.7");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("DENIED"), refused.body());
        assertTrue(refused.body().contains("203.0.113.7"), refused.body());
        assertEquals(200, get("10.1.2.3").statusCode());
    }

    @Test
    void openRulesAdmitEveryone() throws Exception {
        rules.set(NetworkRules.OPEN);
        assertEquals(200, get("203.0.113.7").statusCode());
    }

    private HttpResponse<String> get(String forwardedFor) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.address().getPort() + "/v2/"))
                .header("X-Forwarded-For", forwardedFor)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
