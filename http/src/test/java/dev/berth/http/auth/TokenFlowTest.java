package dev.berth.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Docker token flow and ACR's exchange, on the wire. */
class TokenFlowTest {
    private static SecuredRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        registry = new SecuredRegistry();
        AccessMatrixTestSupport.push(registry, "app");
    }

    @AfterAll
    static void stop() throws Exception {
        registry.close();
    }

    private static String field(HttpResponse<String> response, String name) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.parse(response.body().getBytes(StandardCharsets.UTF_8))
                .get(name)
                .asText();
    }

    private static String token(String authorization, String scope) {
        return field(
                registry.get("/oauth2/token?service=" + registry.host() + "&scope=" + scope, authorization), "token");
    }

    @Test
    void theBaseEndpointChallengesWithTheRealmAndService() {
        HttpResponse<String> response = registry.get("/v2/", null);
        assertEquals(401, response.statusCode());
        assertEquals(
                "Bearer realm=\"http://" + registry.host() + "/oauth2/token\",service=\"" + registry.host() + "\"",
                response.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(response.body().contains("\"UNAUTHORIZED\""));
    }

    @Test
    void aPushChallengeAsksForPullAndPush() {
        HttpResponse<String> response = registry.send("POST", "/v2/app/blobs/uploads/", null, null);
        assertTrue(response.headers()
                .firstValue("WWW-Authenticate")
                .orElseThrow()
                .endsWith(",scope=\"repository:app:pull,push\""));
    }

    @Test
    void aTokenFromBasicCredentialsOpensWhatItGrants() {
        String bearer = "Bearer " + token(SecuredRegistry.basic("puller"), "repository:app:pull,push");
        assertEquals(200, registry.get("/v2/", bearer).statusCode());
        assertEquals(200, registry.get("/v2/app/tags/list", bearer).statusCode());
        HttpResponse<String> push = registry.send("POST", "/v2/app/blobs/uploads/", bearer, null);
        assertEquals(401, push.statusCode());
        assertTrue(
                push.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"insufficient_scope\""));
        HttpResponse<String> otherRepository = registry.get("/v2/other/tags/list", bearer);
        assertEquals(401, otherRepository.statusCode());
    }

    @Test
    void aTamperedOrForeignTokenIsRefused() {
        String token = token(SecuredRegistry.basic("admin"), "repository:app:pull");
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        HttpResponse<String> response = registry.get("/v2/app/tags/list", "Bearer " + tampered);
        assertEquals(401, response.statusCode());
        assertTrue(
                response.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        assertEquals(
                401, registry.get("/v2/app/tags/list", "Bearer not.a.token").statusCode());
        assertEquals(401, registry.get("/v2/app/tags/list", "Bearer").statusCode());
        assertEquals(401, registry.get("/v2/app/tags/list", "Digest x").statusCode());
        assertEquals(401, registry.get("/v2/app/tags/list", "Basic !!!").statusCode());
    }

    @Test
    void aGenuineTokenForAnotherRegistryOnTheSameHostIsRefused() {
        String foreign = registry.tokens.issueAccess(
                dev.berth.core.auth.Principal.user("admin", true),
                registry.host(),
                "another-registry",
                java.util.List.of(dev.berth.core.auth.AccessScope.repository("app", "pull")));
        HttpResponse<String> response = registry.get("/v2/app/tags/list", "Bearer " + foreign);
        assertEquals(401, response.statusCode());
        assertTrue(
                response.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
    }

    @Test
    void anAnonymousTokenGrantsNothingUnlessAnonymousPullIsOn() throws Exception {
        String none = "Bearer " + token(null, "repository:app:pull");
        assertEquals(401, registry.get("/v2/app/tags/list", none).statusCode());
        registry.anonymousPull(true);
        try {
            String some = "Bearer " + token(null, "repository:app:pull");
            assertEquals(200, registry.get("/v2/app/tags/list", some).statusCode());
        } finally {
            registry.anonymousPull(false);
        }
    }

    @Test
    void wrongCredentialsGetNoToken() {
        HttpResponse<String> response =
                registry.get("/oauth2/token?scope=repository:app:pull", SecuredRegistry.basic("puller", "nope"));
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("UNAUTHORIZED"));
    }

    @Test
    void thePasswordGrantWithOfflineAccessAlsoReturnsARefreshTokenThatTheRefreshGrantAccepts() {
        HttpResponse<String> password = registry.postForm(
                "/oauth2/token",
                "grant_type=password&username=puller&password=puller-pw&access_type=offline&service=" + registry.host()
                        + "&scope=repository%3Aapp%3Apull",
                null);
        String refresh = field(password, "refresh_token");
        String access = field(
                registry.postForm(
                        "/oauth2/token",
                        "grant_type=refresh_token&refresh_token=" + refresh + "&service=" + registry.host()
                                + "&scope=repository%3Aapp%3Apull",
                        null),
                "access_token");
        assertEquals(200, registry.get("/v2/app/tags/list", "Bearer " + access).statusCode());
    }

    @Test
    void theExchangeGivesARefreshTokenUsableAsThePasswordOfTheNullGuidUser() {
        String refresh = field(
                registry.postForm(
                        "/oauth2/exchange",
                        "grant_type=password&username=puller&password=puller-pw&service=" + registry.host(),
                        null),
                "refresh_token");
        String nullGuid = SecuredRegistry.basic("00000000-0000-0000-0000-000000000000", refresh);
        assertEquals(200, registry.get("/v2/app/tags/list", nullGuid).statusCode());
        String access = token(nullGuid, "repository:app:pull");
        assertEquals(200, registry.get("/v2/app/tags/list", "Bearer " + access).statusCode());
        assertEquals(
                401,
                registry.get(
                                "/v2/app/tags/list",
                                SecuredRegistry.basic("00000000-0000-0000-0000-000000000000", refresh + "x"))
                        .statusCode());
    }

    @Test
    void aRefreshTokenStopsRenewingOnceThePasswordItWasBornOfChanges() throws Exception {
        registry.metadata
                .identities()
                .createUser(new dev.berth.core.spi.IdentityStore.UserRecord(
                        "changer", registry.hasher.hash("changer-pw"), false, true));
        dev.berth.core.auth.Principal changer = dev.berth.core.auth.Principal.user("changer", false);
        String refresh = registry.tokens.issueRefresh(
                changer, registry.host(), java.time.Instant.now(), registry.control.credentialStamp(changer));
        assertEquals(
                200,
                registry.postForm("/oauth2/exchange", "grant_type=refresh_token&refresh_token=" + refresh, null)
                        .statusCode());
        registry.metadata
                .directory()
                .updateUser(new dev.berth.core.spi.IdentityStore.UserRecord(
                        "changer", registry.hasher.hash("changer-pw2"), false, true));
        assertEquals(
                401,
                registry.postForm("/oauth2/exchange", "grant_type=refresh_token&refresh_token=" + refresh, null)
                        .statusCode());
    }

    @Test
    void renewingARefreshTokenKeepsItsSignInTimeAndAChainEndsADayAfterThePassword() throws Exception {
        java.time.Instant signedIn = java.time.Instant.now()
                .minus(java.time.Duration.ofHours(23))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        dev.berth.core.auth.Principal puller = dev.berth.core.auth.Principal.user("puller", false);
        String old = registry.tokens.issueRefresh(
                puller, registry.host(), signedIn, registry.control.credentialStamp(puller));
        String renewed = field(
                registry.postForm("/oauth2/exchange", "grant_type=refresh_token&refresh_token=" + old, null),
                "refresh_token");
        assertEquals(
                signedIn,
                registry.tokens
                        .verifyRefresh(renewed, registry.host())
                        .orElseThrow()
                        .signedInAt());
        String expiredChain = registry.tokens.issueRefresh(
                puller,
                registry.host(),
                java.time.Instant.now().minus(java.time.Duration.ofHours(25)),
                registry.control.credentialStamp(puller));
        assertEquals(
                401,
                registry.postForm("/oauth2/exchange", "grant_type=refresh_token&refresh_token=" + expiredChain, null)
                        .statusCode());
        assertEquals(
                401,
                registry.get(
                                "/v2/app/tags/list",
                                SecuredRegistry.basic("00000000-0000-0000-0000-000000000000", expiredChain))
                        .statusCode());
    }

    @Test
    void malformedTokenRequestsGetClearErrors() {
        assertEquals(
                400,
                registry.postForm("/oauth2/token", "grant_type=magic", null).statusCode());
        assertEquals(
                400,
                registry.postForm("/oauth2/token", "grant_type=password&username=x", null)
                        .statusCode());
        assertEquals(
                400, registry.postForm("/oauth2/token", "grant_type=%zz", null).statusCode());
        assertEquals(
                401,
                registry.postForm("/oauth2/exchange", "grant_type=password&username=x&password=y", null)
                        .statusCode());
        assertEquals(404, registry.get("/oauth2/nothing", null).statusCode());
        assertEquals(
                400,
                registry.get("/oauth2/token?scope=" + "repository:a:pull+".repeat(21), null)
                        .statusCode());
    }

    @Test
    void thePublicKeysArePublished() {
        HttpResponse<String> jwks = registry.get("/oauth2/jwks", null);
        assertEquals(200, jwks.statusCode());
        assertTrue(jwks.body().contains("\"kty\""));
        assertTrue(!jwks.body().contains("\"d\""));
    }
}
