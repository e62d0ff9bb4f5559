package dev.berth.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each role against ACR's metadata API, on the login server ({@code /acr/v1}) and under the registry's name
 * ({@code /api/registries/default/acr/v1}): reads need {@code metadata_read}, PATCH {@code metadata_write}, DELETE
 * {@code delete}, the catalog {@code registry:catalog:*}. Requests that are let through aim at a tag that does not
 * exist, so they answer 404 and change nothing.
 */
class MetadataApiAccessTest {
    private static final byte[] UNLOCK = "{\"writeEnabled\":true}".getBytes(StandardCharsets.UTF_8);
    private static SecuredRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        registry = new SecuredRegistry();
        AccessMatrixTestSupport.push(registry, "app");
        AccessMatrixTestSupport.push(registry, "team/app");
    }

    @AfterAll
    static void stop() throws Exception {
        registry.close();
    }

    static Stream<Arguments> matrix() {
        // user, repository, may read, may write metadata, may delete
        return Stream.of(
                Arguments.of("admin", "app", true, true, true),
                Arguments.of("puller", "app", true, false, false),
                Arguments.of("reader", "app", true, false, false),
                Arguments.of("pusher", "team/app", true, true, false),
                Arguments.of("pusher", "app", false, false, false),
                Arguments.of("deleter", "app", false, false, true),
                Arguments.of("signer", "app", false, false, false),
                Arguments.of("nobody", "app", false, false, false));
    }

    @ParameterizedTest(name = "{0} on {1}: read {2}, write {3}, delete {4}")
    @MethodSource("matrix")
    void eachRoleMayDoExactlyWhatItGrants(String user, String repository, boolean read, boolean write, boolean delete) {
        String auth = SecuredRegistry.basic(user);
        for (String base : List.of("/acr/v1/", "/api/registries/default/acr/v1/")) {
            String repo = base + repository;
            expect(read, 200, registry.get(repo, auth));
            expect(read, 200, registry.get(repo + "/_tags", auth));
            expect(read, 200, registry.get(repo + "/_tags/v1", auth));
            expect(read, 200, registry.get(repo + "/_manifests", auth));
            expect(write, 404, registry.send("PATCH", repo + "/_tags/none", auth, UNLOCK));
            expect(delete, 404, registry.send("DELETE", repo + "/_tags/none", auth, null));
        }
    }

    /** An allowed request gets the status; a refused one 403 DENIED. */
    private static void expect(boolean allowed, int status, HttpResponse<String> response) {
        assertEquals(allowed ? status : 403, response.statusCode(), response.body());
        if (!allowed) {
            assertTrue(response.body().contains("\"DENIED\""), response.body());
        }
    }

    @Test
    void theCatalogNeedsARoleOnTheWholeRegistry() {
        for (String path : List.of("/acr/v1/_catalog", "/api/registries/default/acr/v1/_catalog")) {
            assertEquals(
                    200, registry.get(path, SecuredRegistry.basic("puller")).statusCode());
            assertEquals(
                    403, registry.get(path, SecuredRegistry.basic("pusher")).statusCode());
            assertEquals(401, registry.get(path, null).statusCode());
        }
    }

    @Test
    void anAnonymousCallerIsChallengedForTheMetadataScope() {
        HttpResponse<String> response = registry.get("/acr/v1/app/_tags", null);
        assertEquals(401, response.statusCode());
        assertTrue(
                response.headers()
                        .firstValue("WWW-Authenticate")
                        .orElseThrow()
                        .endsWith("scope=\"repository:app:metadata_read\""),
                response.headers().toString());
    }

    @Test
    void aBearerTokenMustGrantTheMetadataAction() {
        String pullOnly = token(SecuredRegistry.basic("admin"), "repository:app:pull");
        HttpResponse<String> refused = registry.get("/acr/v1/app", "Bearer " + pullOnly);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers()
                .firstValue("WWW-Authenticate")
                .orElseThrow()
                .contains("error=\"insufficient_scope\""));
        String metadata = token(SecuredRegistry.basic("puller"), "repository:app:metadata_read");
        assertEquals(200, registry.get("/acr/v1/app", "Bearer " + metadata).statusCode());
        assertEquals(
                401,
                registry.send("PATCH", "/acr/v1/app/_tags/v1", "Bearer " + metadata, UNLOCK)
                        .statusCode());
    }

    @Test
    void aReaderCannotUnlockWhatIsLocked() {
        String admin = SecuredRegistry.basic("admin");
        byte[] lock = "{\"writeEnabled\":false}".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                200, registry.send("PATCH", "/acr/v1/app/_tags/v1", admin, lock).statusCode());
        try {
            HttpResponse<String> refused =
                    registry.send("PATCH", "/acr/v1/app/_tags/v1", SecuredRegistry.basic("reader"), UNLOCK);
            assertEquals(403, refused.statusCode());
        } finally {
            assertEquals(
                    200,
                    registry.send("PATCH", "/acr/v1/app/_tags/v1", admin, UNLOCK)
                            .statusCode());
        }
    }

    private static String token(String authorization, String scope) {
        HttpResponse<String> response =
                registry.get("/oauth2/token?service=" + registry.host() + "&scope=" + scope, authorization);
        assertEquals(200, response.statusCode(), response.body());
        return Json.parse(response.body().getBytes(StandardCharsets.UTF_8))
                .get("token")
                .asText();
    }
}
