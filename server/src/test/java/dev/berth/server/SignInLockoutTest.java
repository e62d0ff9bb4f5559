package dev.berth.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.server.config.ConfigLoader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failed sign-ins from one address hold up the name that failed, not everybody else from that address: a real server
 * on port 0, signed in to through every door a password opens (Basic on {@code /v2}, both token endpoints, the
 * management API). Each case starts its own server, since a success is remembered for a while and would let later
 * doors in without a check. The per-address ceiling (a hundred failures) is {@code SignInGuardTest}'s, since a hundred
 * password hashes take half a minute here.
 */
class SignInLockoutTest {
    private static final String ADMIN_PASSWORD = "admin-password";

    private final HttpClient http = HttpClient.newHttpClient();
    private Berth berth;

    @TempDir
    Path dataDir;

    @BeforeEach
    void start() throws Exception {
        berth = Berth.start(ConfigLoader.load(
                null,
                Map.of(),
                Map.of(
                        "server.host",
                        "127.0.0.1",
                        "server.port",
                        "0",
                        "storage.dataDir",
                        dataDir.toString(),
                        "auth.adminPassword",
                        ADMIN_PASSWORD)));
    }

    @AfterEach
    void stop() throws Exception {
        berth.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2/", "/oauth2/token", "/oauth2/exchange", "/api/registries"})
    void aStrangersFailuresForAnotherNameDoNotLockTheAdministratorOut(String door) throws Exception {
        for (int i = 0; i < 8; i++) {
            int expected = i < 6 ? 401 : 429;
            assertEquals(expected, signIn(door, "mallory", "guess-" + i).statusCode(), "bad password " + i);
        }
        HttpResponse<String> admin = signIn(door, "admin", ADMIN_PASSWORD);
        assertEquals(200, admin.statusCode(), admin.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2/", "/oauth2/token", "/oauth2/exchange", "/api/registries"})
    void anAccountGuessedFromAnAddressIsHeldUpThereEvenWithTheRightPassword(String door) throws Exception {
        for (int i = 0; i < 6; i++) {
            assertEquals(401, signIn(door, "admin", "guess-" + i).statusCode(), "bad password " + i);
        }
        HttpResponse<String> admin = signIn(door, "admin", ADMIN_PASSWORD);
        assertEquals(429, admin.statusCode(), admin.body());
        assertEquals(401, signIn(door, "mallory", "guess").statusCode(), "other names are not held up");
    }

    private HttpResponse<String> signIn(String door, String username, String password) throws Exception {
        URI base = URI.create("http://127.0.0.1:" + berth.address().getPort());
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request =
                switch (door) {
                    case "/oauth2/token" ->
                        HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=password&username=" + form(username) + "&password=" + form(password)
                                                + "&scope=repository:app:pull"));
                    case "/oauth2/exchange" ->
                        HttpRequest.newBuilder(base.resolve("/oauth2/exchange"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username="
                                        + form(username) + "&password=" + form(password)));
                    default -> HttpRequest.newBuilder(base.resolve(door)).header("Authorization", basic);
                };
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
