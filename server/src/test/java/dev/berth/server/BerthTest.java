package dev.berth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.server.config.BerthConfig;
import dev.berth.server.config.ConfigLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BerthTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private static final String ADMIN = java.util.Base64.getEncoder()
            .encodeToString("admin:admin-password".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @TempDir
    Path dataDir;

    private BerthConfig config(Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(Map.of(
                "server.host",
                "127.0.0.1",
                "server.port",
                "0",
                "storage.dataDir",
                dataDir.toString(),
                "auth.adminPassword",
                "admin-password"));
        overrides.putAll(extra);
        return ConfigLoader.load(null, Map.of(), overrides);
    }

    private HttpResponse<String> send(Berth berth, String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + berth.address().getPort() + path);
        return http.send(
                HttpRequest.newBuilder(uri)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .header("Authorization", "Basic " + ADMIN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsOnItsDataDirectoryAndAnswersTheBaseEndpoint() throws Exception {
        try (Berth berth = Berth.start(config(Map.of()))) {
            HttpResponse<String> response = send(berth, "GET", "/v2/");
            assertEquals(200, response.statusCode());
            assertEquals(
                    "registry/2.0",
                    response.headers()
                            .firstValue("Docker-Distribution-API-Version")
                            .orElseThrow());
            assertTrue(Files.exists(dataDir.resolve("berth.db")));
        }
    }

    @Test
    void requiresAuthenticationByDefaultWithTheDockerChallenge() throws Exception {
        try (Berth berth = Berth.start(config(Map.of()))) {
            URI uri = URI.create("http://127.0.0.1:" + berth.address().getPort() + "/v2/app/tags/list");
            HttpResponse<String> anonymous =
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode());
            assertEquals(
                    "Bearer realm=\"http://127.0.0.1:" + berth.address().getPort()
                            + "/oauth2/token\",service=\"127.0.0.1:"
                            + berth.address().getPort() + "\",scope=\"repository:app:pull\"",
                    anonymous.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertTrue(anonymous.body().contains("UNAUTHORIZED"), anonymous.body());
        }
    }

    @Test
    void aRotatedSigningKeySignsAfterARestartWhileOldTokensStillWork() throws Exception {
        String port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = Integer.toString(free.getLocalPort());
        }
        String oldToken;
        try (Berth berth = Berth.start(config(Map.of("server.port", port)))) {
            oldToken = token(berth);
        }
        String[] args = {"rotate-signing-key", "--data-dir", dataDir.toString()};
        int exit = Main.command(picocli.CommandLine.defaultFactory(), args).execute(args);
        assertEquals(0, exit);
        try (Stream<Path> keys = Files.list(dataDir.resolve("keys/token-signing"))) {
            assertEquals(2, keys.count());
        }
        try (Berth berth = Berth.start(config(Map.of("server.port", port)))) {
            assertEquals(200, bearer(berth, oldToken).statusCode(), "a token of the old key still verifies");
            String newToken = token(berth);
            assertTrue(!newToken.split("\\.")[0].equals(oldToken.split("\\.")[0]), "the new key signs");
            assertEquals(200, bearer(berth, newToken).statusCode());
        }
    }

    private String token(Berth berth) throws Exception {
        HttpResponse<String> response = send(berth, "GET", "/oauth2/token?scope=repository:app:pull");
        assertEquals(200, response.statusCode(), response.body());
        return dev.berth.core.json.Json.parse(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .get("token")
                .asText();
    }

    private HttpResponse<String> bearer(Berth berth, String token) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + berth.address().getPort() + "/v2/");
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesASecondInstanceOnTheSameDataDirectory() throws Exception {
        try (Berth berth = Berth.start(config(Map.of()))) {
            IOException e = assertThrows(IOException.class, () -> Berth.start(config(Map.of())));
            assertTrue(e.getMessage().contains("another Berth process"), e.getMessage());
        }
        Berth.start(config(Map.of())).close();
    }

    @Test
    void abandonedUploadsExpireWithTheirFiles() throws Exception {
        try (Berth berth = Berth.start(config(Map.of("uploads.expiry", "1s", "uploads.sweepInterval", "200ms")))) {
            HttpResponse<String> opened = send(berth, "POST", "/v2/app/blobs/uploads/");
            assertEquals(202, opened.statusCode());
            String location = opened.headers().firstValue("Location").orElseThrow();
            assertEquals(1, uploadFiles());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (send(berth, "GET", location).statusCode() != 404 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(404, send(berth, "GET", location).statusCode());
            assertEquals(0, uploadFiles());
        }
    }

    private long uploadFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("uploads"))) {
            return files.count();
        }
    }
}
