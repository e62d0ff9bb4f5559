package dev.berth.cli.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.json.Json;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManagementClientTest {
    private FakeApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private ManagementClient client(String server, boolean insecure) throws ApiException {
        return client(server, insecure, Duration.ofSeconds(5));
    }

    private ManagementClient client(String server, boolean insecure, Duration timeout) throws ApiException {
        return ManagementClient.connect(
                ServerAddress.parse(server), "alice", "pa:ss", new TlsOptions(insecure, Optional.empty()), timeout);
    }

    @Test
    void requestsCarryBasicCredentialsAndJsonBodies() throws Exception {
        api.answer("PUT", "/api/registries/one", 201, "{\"name\":\"one\"}");

        try (ManagementClient client = client(api.url(), false)) {
            JsonNode answer = client.put("/api/registries/one", Json.object().put("x", 1));

            assertEquals("one", answer.path("name").asText());
        }
        FakeApi.Request request = api.requests().getFirst();
        String basic = Base64.getEncoder().encodeToString("alice:pa:ss".getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + basic, request.header("Authorization"));
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals("{\"x\":1}", request.body());
    }

    @Test
    void anEmptyAnswerIsAMissingNode() throws Exception {
        api.answer("DELETE", "/api/users/bob", 204, "");

        try (ManagementClient client = client(api.url(), false)) {
            assertTrue(client.delete("/api/users/bob").isMissingNode());
        }
    }

    @Test
    void theManagementErrorEnvelopeBecomesTheExceptionsCodeAndMessage() throws Exception {
        api.answer("GET", "/api/registries/x", 409, "{\"error\":{\"code\":\"Conflict\",\"message\":\"taken\"}}");

        try (ManagementClient client = client(api.url(), false)) {
            ApiException e = assertThrows(ApiException.class, () -> client.get("/api/registries/x"));

            assertEquals(409, e.status());
            assertEquals("Conflict", e.code());
            assertEquals("taken", e.getMessage());
        }
    }

    @Test
    void theRegistryErrorEnvelopeIsReadToo() throws Exception {
        api.answer(
                "GET", "/v2/app/manifests/1", 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"no\"}]}");

        try (ManagementClient client = client(api.url(), false)) {
            ApiException e = assertThrows(ApiException.class, () -> client.get("/v2/app/manifests/1"));

            assertEquals("MANIFEST_UNKNOWN", e.code());
        }
    }

    @Test
    void anAnswerWithoutAnEnvelopeGetsAMessageFromItsStatus() throws Exception {
        api.answer("GET", "/api/users", 502, "<html>bad gateway</html>");

        try (ManagementClient client = client(api.url(), false)) {
            ApiException e = assertThrows(ApiException.class, () -> client.get("/api/users"));

            assertEquals(502, e.status());
            assertEquals("the server answered 502", e.getMessage());
        }
    }

    @Test
    void findIsEmptyOn404() throws Exception {
        try (ManagementClient client = client(api.url(), false)) {
            assertTrue(client.find("/api/registries/none").isEmpty());
        }
    }

    @Test
    void aServerThatIsNotThereIsStatus0ConnectionRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (ManagementClient client = client("http://127.0.0.1:" + port, false)) {
            ApiException e = assertThrows(ApiException.class, () -> client.get("/api/registries"));

            assertEquals(0, e.status());
            assertEquals("cannot reach http://127.0.0.1:" + port + ": connection refused", e.getMessage());
        }
    }

    @Test
    void withoutASchemeOnlyVerifiedHttpsIsTriedUnlessInsecureWhichFallsBackToHttp() throws Exception {
        api.answer("GET", "/api/registries", 200, "{\"value\":[]}");

        // the fake, unlike Berth, does not hang up on a TLS ClientHello, so the handshake waits for the timeout
        Duration soon = Duration.ofMillis(300);
        try (ManagementClient strict = client(api.authority(), false, soon)) {
            ApiException e = assertThrows(ApiException.class, () -> strict.get("/api/registries"));
            assertTrue(e.getMessage().contains("for a server on plain HTTP use http://"), e.getMessage());
        }
        try (ManagementClient insecure = client(api.authority(), true, soon)) {
            assertTrue(insecure.get("/api/registries").path("value").isArray());
            assertTrue(insecure.get("/api/registries").path("value").isArray(), "the scheme is kept");
        }
    }

    @Test
    void anotherAddressOfTheSameServerIsTheSameClient() throws Exception {
        try (ManagementClient client = client(api.url(), false)) {
            assertTrue(client.at(api.authority()) == client);
            assertTrue(client.at("other.localhost:1") != client);
        }
    }
}
