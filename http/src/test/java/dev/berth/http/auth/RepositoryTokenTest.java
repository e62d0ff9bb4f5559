package dev.berth.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Repository-scoped tokens: they sign in like users and hold what their scope map says, on their registry. */
class RepositoryTokenTest {
    private static SecuredRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        registry = new SecuredRegistry();
        AccessMatrixTestSupport.push(registry, "app");
        AccessMatrixTestSupport.push(registry, "other");
        registry.scopeMap("read-app", "repositories/app/content/read");
        registry.token("reader-token", "read-app", true, "token-pw", null);
    }

    @AfterAll
    static void stop() throws Exception {
        registry.close();
    }

    @Test
    void aPullOnlyTokenCanPullButNotPushAndSeesNoOtherRepository() {
        String token = SecuredRegistry.basic("reader-token", "token-pw");
        assertEquals(200, registry.get("/v2/app/manifests/v1", token).statusCode());
        assertEquals(
                403,
                registry.send("POST", "/v2/app/blobs/uploads/", token, null).statusCode());
        assertEquals(403, registry.get("/v2/other/manifests/v1", token).statusCode());
        assertEquals(403, registry.get("/v2/_catalog", token).statusCode(), "tokens never list the catalog");
    }

    @Test
    void aTokenWorksThroughTheTokenServiceToo() {
        HttpResponse<String> response = registry.get(
                "/oauth2/token?scope=repository:app:pull,push", SecuredRegistry.basic("reader-token", "token-pw"));
        assertEquals(200, response.statusCode());
        String bearer = "Bearer "
                + dev.berth.core.json.Json.parse(response.body().getBytes())
                        .get("token")
                        .asText();
        assertEquals(200, registry.get("/v2/app/tags/list", bearer).statusCode());
        assertEquals(
                401,
                registry.send("POST", "/v2/app/blobs/uploads/", bearer, null).statusCode());
    }

    @Test
    void aChangedScopeMapAppliesToTheNextRequest() throws Exception {
        registry.scopeMap("push-app", "repositories/app/content/read");
        registry.token("pusher-token", "push-app", true, "push-pw", null);
        String token = SecuredRegistry.basic("pusher-token", "push-pw");
        assertEquals(
                403,
                registry.send("POST", "/v2/app/blobs/uploads/", token, null).statusCode());
        registry.scopeMap("push-app", "repositories/app/content/write");
        assertEquals(
                202,
                registry.send("POST", "/v2/app/blobs/uploads/", token, null).statusCode());
    }

    @Test
    void theRegistryAdminAccountSignsInWithEitherPasswordOnlyWhileEnabled() throws Exception {
        String first = SecuredRegistry.basic("default", "admin-pw-1");
        String second = SecuredRegistry.basic("default", "admin-pw-2");
        assertEquals(401, registry.get("/v2/app/tags/list", first).statusCode(), "disabled by default");
        registry.adminAccount(true, "admin-pw-1", "admin-pw-2");
        assertEquals(200, registry.get("/v2/app/tags/list", first).statusCode());
        assertEquals(
                202,
                registry.send("POST", "/v2/app/blobs/uploads/", second, null).statusCode());
        assertEquals(200, registry.get("/v2/_catalog", second).statusCode());
        assertEquals(
                401,
                registry.get("/v2/app/tags/list", SecuredRegistry.basic("default", "nope"))
                        .statusCode());
        registry.adminAccount(false, "admin-pw-1", "admin-pw-2");
        assertEquals(
                403,
                registry.get("/v2/app/tags/list", second).statusCode(),
                "a disabled account's remembered sign-in grants nothing");
    }

    @Test
    void aServicePrincipalSignsInWithItsSecretAndHoldsItsRole() throws Exception {
        registry.servicePrincipal(
                "build-bot", "bot-secret", Instant.now().plusSeconds(3600), dev.berth.core.auth.Role.ACR_PULL);
        registry.servicePrincipal(
                "old-bot", "old-secret", Instant.now().minusSeconds(1), dev.berth.core.auth.Role.ACR_PULL);
        String bot = SecuredRegistry.basic("build-bot", "bot-secret");
        assertEquals(200, registry.get("/v2/app/manifests/v1", bot).statusCode());
        assertEquals(
                403, registry.send("POST", "/v2/app/blobs/uploads/", bot, null).statusCode());
        assertEquals(
                401,
                registry.get("/v2/app/tags/list", SecuredRegistry.basic("old-bot", "old-secret"))
                        .statusCode());
        HttpResponse<String> credentials = registry.postForm(
                "/oauth2/token",
                "grant_type=client_credentials&client_id=build-bot&client_secret=bot-secret&scope=repository%3Aapp%3Apull",
                null);
        assertEquals(200, credentials.statusCode(), credentials.body());
        String bearer = "Bearer "
                + dev.berth.core.json.Json.parse(credentials.body().getBytes())
                        .get("access_token")
                        .asText();
        assertEquals(200, registry.get("/v2/app/tags/list", bearer).statusCode());
    }

    @Test
    void disabledTokensAndExpiredPasswordsAreRefused() throws Exception {
        registry.token("off-token", "_repositories_admin", false, "off-pw", null);
        registry.token(
                "old-token",
                "_repositories_admin",
                true,
                "old-pw",
                Instant.now().minusSeconds(60));
        assertEquals(
                401,
                registry.get("/v2/app/tags/list", SecuredRegistry.basic("off-token", "off-pw"))
                        .statusCode());
        assertEquals(
                401,
                registry.get("/v2/app/tags/list", SecuredRegistry.basic("old-token", "old-pw"))
                        .statusCode());
        assertEquals(
                401,
                registry.get("/v2/app/tags/list", SecuredRegistry.basic("reader-token", "wrong"))
                        .statusCode());
    }
}
