package dev.berth.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.MovableClock;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Digest;
import dev.berth.core.throttle.Throttle;
import dev.berth.core.tier.RequestRates;
import dev.berth.http.TestTiers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With authentication on, requests are throttled per registry and per identity: the user, token, service principal
 * or admin account signed in, whatever its credentials, and every anonymous request as one identity.
 */
class ThrottlingTest {
    /** Reads 6 per registry and 3 per identity, writes 4 and 2, deletes 2 and 1, referrers 3 and 1, tokens 2. */
    private static final RequestRates RATES = new RequestRates(6, 3, 4, 2, 2, 1, 3, 1, 2);

    private static final String TAGS = "/v2/app/tags/list";

    private final MovableClock clock = new MovableClock();
    private SecuredRegistry registry;

    @BeforeEach
    void start() throws Exception {
        registry = new SecuredRegistry(new Throttle(TestTiers.basicRates(RATES), clock));
    }

    @AfterEach
    void stop() throws Exception {
        registry.close();
    }

    private void admitted(int times, String method, String path, String authorization, String... headers) {
        for (int i = 0; i < times; i++) {
            HttpResponse<String> reply = registry.send(method, path, authorization, null, headers);
            assertNotEquals(429, reply.statusCode(), () -> "request " + method + " " + path + ": " + reply.body());
        }
    }

    /** Asserts a 429 in the OCI error envelope and returns its Retry-After. */
    private static long throttled(HttpResponse<String> reply) {
        assertEquals(429, reply.statusCode(), reply.body());
        assertEquals(
                "application/json", reply.headers().firstValue("Content-Type").orElseThrow());
        JsonNode error = Json.parse(reply.body().getBytes(StandardCharsets.UTF_8))
                .path("errors")
                .path(0);
        assertEquals("TOOMANYREQUESTS", error.path("code").asText(), reply.body());
        long seconds = error.path("detail").path("retryAfterSeconds").asLong();
        assertEquals(
                Long.toString(seconds),
                reply.headers().firstValue("Retry-After").orElseThrow());
        return seconds;
    }

    @Test
    void readsOverAnIdentitysLimitGet429WithARetryAfterThatCountsDown() {
        admitted(3, "GET", TAGS, SecuredRegistry.basic("puller"));
        assertEquals(20, throttled(registry.get(TAGS, SecuredRegistry.basic("puller"))));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(15, throttled(registry.get(TAGS, SecuredRegistry.basic("puller"))));
        clock.advance(Duration.ofSeconds(14));
        assertEquals(1, throttled(registry.get(TAGS, SecuredRegistry.basic("puller"))));
        clock.advance(Duration.ofSeconds(1));
        admitted(1, "GET", TAGS, SecuredRegistry.basic("puller"));
    }

    @Test
    void aThrottledHeadHasRetryAfterAndNoBody() {
        admitted(3, "HEAD", TAGS, SecuredRegistry.basic("puller"));
        HttpResponse<String> reply = registry.send("HEAD", TAGS, SecuredRegistry.basic("puller"), null);
        assertEquals(429, reply.statusCode());
        assertEquals("20", reply.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("", reply.body());
    }

    @Test
    void twoIdentitiesHaveTheirOwnBucketsAndShareTheRegistrys() {
        admitted(3, "GET", TAGS, SecuredRegistry.basic("puller"));
        throttled(registry.get(TAGS, SecuredRegistry.basic("puller")));
        admitted(3, "GET", TAGS, SecuredRegistry.basic("reader"));
        HttpResponse<String> third = registry.get(TAGS, SecuredRegistry.basic("admin"));
        throttled(third);
        assertTrue(third.body().contains("read requests to this registry"), third.body());
    }

    @Test
    void basicAndBearerCredentialsOfOneUserAreOneIdentity() {
        HttpResponse<String> token =
                registry.get("/oauth2/token?scope=repository:app:pull", SecuredRegistry.basic("puller"));
        assertEquals(200, token.statusCode(), token.body());
        String bearer = "Bearer "
                + Json.parse(token.body().getBytes(StandardCharsets.UTF_8))
                        .path("access_token")
                        .asText();
        admitted(2, "GET", TAGS, bearer);
        admitted(1, "GET", TAGS, SecuredRegistry.basic("puller"));
        throttled(registry.get(TAGS, bearer));
    }

    @Test
    void everyAnonymousRequestIsOneIdentityWhereverItComesFrom() throws Exception {
        registry.anonymousPull(true);
        admitted(2, "GET", TAGS, null, "X-Forwarded-For", "203.0.113.1");
        admitted(1, "GET", TAGS, null, "X-Forwarded-For", "203.0.113.2");
        throttled(registry.send("GET", TAGS, null, null, "X-Forwarded-For", "198.51.100.7"));
        admitted(3, "GET", TAGS, SecuredRegistry.basic("puller"));
    }

    @Test
    void theRegistrysAdminAccountIsOneIdentityWhicheverPasswordItUses() throws Exception {
        registry.adminAccount(true, "first-password", "second-password");
        admitted(2, "GET", TAGS, SecuredRegistry.basic("default", "first-password"));
        admitted(1, "GET", TAGS, SecuredRegistry.basic("default", "second-password"));
        throttled(registry.get(TAGS, SecuredRegistry.basic("default", "first-password")));
    }

    @Test
    void tokenRequestsAreLimitedPerRegistryWhoeverAsks() {
        assertEquals(
                200,
                registry.get("/oauth2/token?scope=repository:app:pull", null).statusCode());
        assertEquals(
                200,
                registry.postForm("/oauth2/token", "grant_type=password&username=puller&password=puller-pw", null)
                        .statusCode());
        assertEquals(30, throttled(registry.get("/oauth2/token", SecuredRegistry.basic("reader"))));
        throttled(registry.postForm("/oauth2/exchange", "grant_type=password&username=admin&password=admin-pw", null));
        assertEquals(200, registry.get("/oauth2/jwks", null).statusCode(), "the public keys are not counted");
        admitted(3, "GET", TAGS, SecuredRegistry.basic("puller"));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(200, registry.get("/oauth2/token", null).statusCode());
    }

    @Test
    void referrersListingsHaveTheirOwnLimitAndCountAsReads() {
        String referrers = "/v2/app/referrers/" + Digest.sha256(new byte[] {1});
        admitted(1, "GET", referrers, SecuredRegistry.basic("puller"));
        assertEquals(60, throttled(registry.get(referrers, SecuredRegistry.basic("puller"))));
        admitted(2, "GET", TAGS, SecuredRegistry.basic("puller"));
        throttled(registry.get(TAGS, SecuredRegistry.basic("puller")));
        admitted(1, "GET", referrers, SecuredRegistry.basic("reader"));
        admitted(1, "GET", referrers, SecuredRegistry.basic("admin"));
        HttpResponse<String> third = registry.get(referrers, SecuredRegistry.basic("deleter"));
        throttled(third);
        assertTrue(third.body().contains("referrers listing requests to this registry"), third.body());
    }

    @Test
    void writesAndDeletesHaveTheirOwnLimits() {
        String uploads = "/v2/team/app/blobs/uploads/";
        admitted(2, "POST", uploads, SecuredRegistry.basic("pusher"));
        throttled(registry.send("POST", uploads, SecuredRegistry.basic("pusher"), new byte[0]));
        admitted(3, "GET", "/v2/team/app/tags/list", SecuredRegistry.basic("pusher"));
        String manifest = "/v2/app/manifests/" + Digest.sha256(new byte[] {2});
        admitted(1, "DELETE", manifest, SecuredRegistry.basic("deleter"));
        throttled(registry.send("DELETE", manifest, SecuredRegistry.basic("deleter"), null));
    }

    @Test
    void requestsWhoseCredentialsFailAreNotCounted() {
        for (int i = 0; i < 4; i++) {
            assertEquals(
                    401,
                    registry.get(TAGS, SecuredRegistry.basic("puller", "wrong")).statusCode());
            assertEquals(401, registry.get(TAGS, "Bearer not-a-token").statusCode());
        }
        admitted(3, "GET", TAGS, SecuredRegistry.basic("puller"));
    }
}
