package dev.berth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Digest;
import dev.berth.server.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Berth serves ACR's metadata API beside the OCI API, on the login server and under the registry's name, and writes
 * the last-pulled times it keeps in memory when it shuts down.
 */
class MetadataApiTest {
    private static final String ADMIN =
            "Basic " + Base64.getEncoder().encodeToString("admin:admin-password".getBytes(StandardCharsets.UTF_8));
    private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private Berth start() throws Exception {
        return Berth.start(ConfigLoader.load(
                null,
                Map.of(),
                Map.of(
                        "server.host", "127.0.0.1",
                        "server.port", "0",
                        "storage.dataDir", dataDir.toString(),
                        "auth.adminPassword", "admin-password")));
    }

    @Test
    void pullTimesKeptInMemoryAreWrittenOnShutdown() throws Exception {
        String pulledAt;
        try (Berth berth = start()) {
            push(berth);
            assertEquals(200, send(berth, "GET", "/v2/app/manifests/v1", null).statusCode());
            pulledAt = tag(berth, "/acr/v1/app/_tags/v1").path("lastPulledTime").asText();
            assertTrue(!pulledAt.isEmpty());
            assertEquals(
                    pulledAt,
                    tag(berth, "/api/registries/default/acr/v1/app/_tags/v1")
                            .path("lastPulledTime")
                            .asText());
        }
        try (Berth berth = start()) {
            assertEquals(
                    pulledAt,
                    tag(berth, "/acr/v1/app/_tags/v1").path("lastPulledTime").asText());
        }
    }

    private JsonNode tag(Berth berth, String path) throws Exception {
        HttpResponse<String> response = send(berth, "GET", path, null);
        assertEquals(200, response.statusCode(), response.body());
        return Json.parse(response.body().getBytes(StandardCharsets.UTF_8)).path("tag");
    }

    private void push(Berth berth) throws Exception {
        byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.sha256(config);
        assertEquals(
                201,
                send(berth, "POST", "/v2/app/blobs/uploads/?digest=" + digest, config)
                        .statusCode());
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_TYPE + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + digest
                + "\",\"size\":2},\"layers\":[]}";
        assertEquals(
                201,
                send(berth, "PUT", "/v2/app/manifests/v1", manifest.getBytes(StandardCharsets.UTF_8))
                        .statusCode());
    }

    private HttpResponse<String> send(Berth berth, String method, String path, byte[] body) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + berth.address().getPort() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", ADMIN);
        if (method.equals("PUT")) {
            request.header("Content-Type", MANIFEST_TYPE);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
