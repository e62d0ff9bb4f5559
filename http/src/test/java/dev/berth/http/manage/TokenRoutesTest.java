package dev.berth.http.manage;

import static dev.berth.http.manage.RegistryRoutesTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scope maps and tokens over HTTP, and what a token made there may do on the data plane. */
class TokenRoutesTest {
    private static ManagedBerth berth;

    @BeforeAll
    static void start() throws Exception {
        berth = new ManagedBerth();
        berth.registry("tokenreg", "Premium");
        assertEquals(201, berth.push("tokenreg", "app", ManagedBerth.ADMIN));
        assertEquals(201, berth.push("tokenreg", "other", ManagedBerth.ADMIN));
    }

    @AfterAll
    static void stop() throws Exception {
        berth.close();
    }

    private static ManagedBerth.Response putMap(String registry, String name, String actions) {
        return berth.admin(
                "PUT",
                "/api/registries/" + registry + "/scopeMaps/" + name,
                "{\"properties\":{\"description\":\"d\",\"actions\":[" + actions + "]}}");
    }

    private static ManagedBerth.Response putToken(String registry, String name, String scopeMapId) {
        return berth.admin(
                "PUT",
                "/api/registries/" + registry + "/tokens/" + name,
                "{\"properties\":{\"scopeMapId\":\"" + scopeMapId + "\"}}");
    }

    @Test
    void aScopeMapIsAnsweredInArmsShapeAndListedAfterTheSystemMaps() {
        JsonNode map = putMap("tokenreg", "shape-map", "\"repositories/app/content/read\"")
                .expect(201)
                .json();
        assertEquals("/registries/tokenreg/scopeMaps/shape-map", map.path("id").asText());
        assertEquals("shape-map", map.path("name").asText());
        assertEquals(
                "Microsoft.ContainerRegistry/registries/scopeMaps",
                map.path("type").asText());
        assertEquals("d", map.path("properties").path("description").asText());
        assertEquals("UserDefined", map.path("properties").path("type").asText());
        assertEquals(
                "repositories/app/content/read",
                map.path("properties").path("actions").get(0).asText());
        assertEquals(
                "Succeeded", map.path("properties").path("provisioningState").asText());
        assertEquals(
                map,
                berth.admin("GET", "/api/registries/tokenreg/scopeMaps/shape-map", null)
                        .expect(200)
                        .json());

        List<String> names = names(
                berth.admin("GET", "/api/registries/tokenreg/scopeMaps", null)
                        .expect(200)
                        .json(),
                "name");
        assertEquals(List.of("_repositories_admin", "_repositories_pull", "_repositories_push"), names.subList(0, 3));
        assertTrue(names.contains("shape-map"));
        JsonNode system = berth.admin("GET", "/api/registries/tokenreg/scopeMaps/_repositories_pull", null)
                .expect(200)
                .json();
        assertEquals("SystemDefined", system.path("properties").path("type").asText());
    }

    @Test
    void putTwiceUpdatesAndPatchKeepsWhatItLeavesOut() {
        putMap("tokenreg", "patch-map", "\"repositories/app/content/read\"").expect(201);
        putMap("tokenreg", "patch-map", "\"repositories/other/content/read\"").expect(200);
        JsonNode patched = berth.admin(
                        "PATCH",
                        "/api/registries/tokenreg/scopeMaps/patch-map",
                        "{\"properties\":{\"description\":\"changed\"}}")
                .expect(200)
                .json();
        assertEquals("changed", patched.path("properties").path("description").asText());
        assertEquals(
                "repositories/other/content/read",
                patched.path("properties").path("actions").get(0).asText());
        berth.admin("PATCH", "/api/registries/tokenreg/scopeMaps/no-such-map", "{}")
                .expectError(404, "ResourceNotFound");
    }

    @Test
    void systemMapsAndMapsInUseCannotBeChangedOrDeleted() {
        putMap("tokenreg", "_repositories_pull", "").expectError(409, "Conflict");
        berth.admin("DELETE", "/api/registries/tokenreg/scopeMaps/_repositories_admin", null)
                .expectError(409, "Conflict");
        putMap("tokenreg", "used-map", "\"repositories/app/content/read\"").expect(201);
        putToken("tokenreg", "user-token", "/registries/tokenreg/scopeMaps/used-map")
                .expect(201);
        berth.admin("DELETE", "/api/registries/tokenreg/scopeMaps/used-map", null)
                .expectError(409, "Conflict");
        berth.admin("DELETE", "/api/registries/tokenreg/tokens/user-token", null)
                .expect(204);
        berth.admin("DELETE", "/api/registries/tokenreg/scopeMaps/used-map", null)
                .expect(204);
        berth.admin("GET", "/api/registries/tokenreg/scopeMaps/used-map", null).expectError(404, "ResourceNotFound");
    }

    @Test
    void aNewTokenShowsItsPasswordsOnceAndPullsButDoesNotPush() {
        putMap("tokenreg", "pull-app", "\"repositories/app/content/read\"").expect(201);
        JsonNode token = putToken("tokenreg", "ci-token", "/registries/tokenreg/scopeMaps/pull-app")
                .expect(201)
                .json();
        assertEquals("/registries/tokenreg/tokens/ci-token", token.path("id").asText());
        assertEquals(
                "Microsoft.ContainerRegistry/registries/tokens",
                token.path("type").asText());
        JsonNode properties = token.path("properties");
        assertEquals(
                "/registries/tokenreg/scopeMaps/pull-app",
                properties.path("scopeMapId").asText());
        assertEquals("enabled", properties.path("status").asText());
        JsonNode passwords = properties.path("credentials").path("passwords");
        assertEquals(List.of("password1", "password2"), names(passwords, "name"));
        String password = passwords.get(0).path("value").asText();
        assertFalse(password.isEmpty());
        assertFalse(passwords.get(0).path("creationTime").asText().isEmpty());

        JsonNode shown = berth.admin("GET", "/api/registries/tokenreg/tokens/ci-token", null)
                .expect(200)
                .json();
        shown.path("properties").path("credentials").path("passwords").forEach(p -> assertFalse(p.has("value")));
        assertTrue(names(
                        berth.admin("GET", "/api/registries/tokenreg/tokens", null)
                                .expect(200)
                                .json(),
                        "name")
                .contains("ci-token"));

        String basic = ManagedBerth.basic("ci-token", password);
        assertEquals(200, berth.pull("tokenreg", "app", basic));
        assertEquals(403, berth.pull("tokenreg", "other", basic), "only what the scope map names");
        assertEquals(403, berth.push("tokenreg", "app", basic));
        assertEquals(401, berth.pull("default", "app", basic), "a token belongs to its registry");
    }

    @Test
    void aTokenSignsInThroughTheTokenServiceToo() {
        JsonNode token = putToken("tokenreg", "flow-token", "_repositories_pull")
                .expect(201)
                .json();
        String password = token.path("properties")
                .path("credentials")
                .path("passwords")
                .get(1)
                .path("value")
                .asText();
        ManagedBerth.Response answer = berth.send(
                "GET",
                "/oauth2/token?service=" + berth.host("tokenreg") + "&scope=repository:app:pull,push",
                ManagedBerth.basic("flow-token", password),
                null,
                "Host",
                berth.host("tokenreg"));
        answer.expect(200);
        String bearer = "Bearer " + answer.json().path("token").asText();
        assertEquals(200, berth.pull("tokenreg", "app", bearer));
        assertEquals(401, berth.push("tokenreg", "app", bearer), "the token was not granted push");
    }

    @Test
    void aTokenMadeWithoutPasswordsGetsThemFromGenerateCredentials() {
        JsonNode token = berth.admin(
                        "PUT",
                        "/api/registries/tokenreg/tokens/late-token?noPasswords=true",
                        "{\"properties\":{\"scopeMapId\":\"_repositories_push\",\"status\":\"enabled\"}}")
                .expect(201)
                .json();
        assertEquals(
                0,
                token.path("properties").path("credentials").path("passwords").size());
        JsonNode generated = berth.admin(
                        "POST",
                        "/api/registries/tokenreg/generateCredentials",
                        "{\"tokenId\":\"/registries/tokenreg/tokens/late-token\",\"name\":\"password2\","
                                + "\"expiry\":\"2099-01-01T00:00:00Z\"}")
                .expect(200)
                .json();
        assertEquals("late-token", generated.path("username").asText());
        JsonNode password = generated.path("passwords").get(0);
        assertEquals("password2", password.path("name").asText());
        assertEquals("2099-01-01T00:00:00Z", password.path("expiry").asText());
        String basic = ManagedBerth.basic("late-token", password.path("value").asText());
        assertEquals(201, berth.push("tokenreg", "pushed", basic), "the push map pushes");

        JsonNode left = berth.admin(
                        "POST", "/api/registries/tokenreg/tokens/late-token/deletePassword", "{\"name\":\"password2\"}")
                .expect(200)
                .json();
        assertEquals(
                0, left.path("properties").path("credentials").path("passwords").size());
        assertEquals(401, berth.pull("tokenreg", "pushed", basic), "a deleted password stops at once");
    }

    @Test
    void aDisabledTokenSignsInNoMore() {
        JsonNode token = putToken("tokenreg", "off-token", "_repositories_pull")
                .expect(201)
                .json();
        String basic = ManagedBerth.basic(
                "off-token",
                token.path("properties")
                        .path("credentials")
                        .path("passwords")
                        .get(0)
                        .path("value")
                        .asText());
        assertEquals(200, berth.pull("tokenreg", "app", basic));
        JsonNode patched = berth.admin(
                        "PATCH",
                        "/api/registries/tokenreg/tokens/off-token",
                        "{\"properties\":{\"status\":\"disabled\"}}")
                .expect(200)
                .json();
        assertEquals("disabled", patched.path("properties").path("status").asText());
        assertEquals(
                2,
                patched.path("properties").path("credentials").path("passwords").size());
        assertEquals(401, berth.pull("tokenreg", "app", basic));
        putToken("tokenreg", "off-token", "_repositories_push").expect(200);
    }

    @Test
    void oneTokenMoreThanTheTierHoldsIsAQuotaExceeded() {
        berth.registry("quotareg", "Basic");
        putToken("quotareg", "token-1", "_repositories_pull").expect(201);
        putToken("quotareg", "token-2", "_repositories_pull").expect(201);
        putToken("quotareg", "token-3", "_repositories_pull").expectError(409, "QuotaExceeded");
        putMap("quotareg", "map-1", "").expect(201);
        putMap("quotareg", "map-2", "").expect(201);
        putMap("quotareg", "map-3", "").expectError(409, "QuotaExceeded");
    }

    @Test
    void badTokensAreInvalidRequests() {
        putToken("tokenreg", "bad-map-token", "no-such-map").expectError(400, "InvalidRequest");
        berth.admin("PUT", "/api/registries/tokenreg/tokens/no-map-token", "{\"properties\":{}}")
                .expectError(400, "InvalidRequest");
        berth.admin(
                        "PUT",
                        "/api/registries/tokenreg/tokens/status-token",
                        "{\"properties\":{\"scopeMapId\":\"_repositories_pull\",\"status\":\"on\"}}")
                .expectError(400, "InvalidRequest");
        putToken("tokenreg", "tok", "_repositories_pull").expectError(400, "InvalidRequest");
        putMap("tokenreg", "bad-actions", "\"pull everything\"").expectError(400, "InvalidRequest");
        berth.admin(
                        "POST",
                        "/api/registries/tokenreg/generateCredentials",
                        "{\"tokenId\":\"no-such-token\",\"name\":\"password1\"}")
                .expectError(404, "ResourceNotFound");
        putToken("tokenreg", "expiry-token", "_repositories_pull").expect(201);
        berth.admin(
                        "POST",
                        "/api/registries/tokenreg/generateCredentials",
                        "{\"tokenId\":\"expiry-token\",\"name\":\"password1\",\"expiry\":\"tomorrow\"}")
                .expectError(400, "InvalidRequest");
        berth.admin(
                        "POST",
                        "/api/registries/tokenreg/generateCredentials",
                        "{\"tokenId\":\"expiry-token\",\"name\":\"password1\",\"expiry\":\"2001-01-01T00:00:00Z\"}")
                .expectError(400, "InvalidRequest");
        berth.admin("DELETE", "/api/registries/tokenreg/tokens/no-such-token", null)
                .expectError(404, "ResourceNotFound");
    }

    @Test
    void aScopeMapIdOfAnotherRegistryIsAnInvalidRequest() {
        berth.registry("otherreg", "Basic");
        putMap("otherreg", "foreign-map", "\"repositories/*/content/write\"").expect(201);
        putMap("tokenreg", "foreign-map", "\"repositories/app/content/read\"").expect(201);
        putToken("tokenreg", "foreign-token", "/registries/otherreg/scopeMaps/foreign-map")
                .expectError(400, "InvalidRequest");
        putToken("tokenreg", "foreign-token", "/registries/tokenreg/tokens/foreign-map")
                .expectError(400, "InvalidRequest");
        putToken("tokenreg", "foreign-token", "/registries/TOKENREG/scopeMaps/foreign-map")
                .expect(201);
        berth.admin(
                        "POST",
                        "/api/registries/otherreg/generateCredentials",
                        "{\"tokenId\":\"/registries/tokenreg/tokens/foreign-token\",\"name\":\"password1\"}")
                .expectError(400, "InvalidRequest");
    }

    static JsonNode json(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
