package dev.berth.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.auth.Cidr;
import dev.berth.core.auth.NetworkRules;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Network rules keep clients out before any credential is looked at. The test client talks from 127.0.0.1, which the
 * test registry trusts as a proxy, so each request names its client in {@code X-Forwarded-For}.
 */
class NetworkRulesTest {
    private static final NetworkRules DENY_BUT_TEN =
            new NetworkRules(true, NetworkRules.DefaultAction.DENY, List.of(Cidr.parse("10.0.0.0/8")));

    private SecuredRegistry registry;

    @BeforeEach
    void start() throws Exception {
        registry = new SecuredRegistry();
    }

    @AfterEach
    void stop() throws Exception {
        registry.close();
    }

    private HttpResponse<String> from(String forwardedFor, String path) {
        return registry.send("GET", path, SecuredRegistry.basic("admin"), null, "X-Forwarded-For", forwardedFor);
    }

    @Test
    void aClientNoRuleAllowsIsDeniedWithACRsMessage() throws Exception {
        registry.networkRules(DENY_BUT_TEN);
        HttpResponse<String> denied = from("192.0.2.7", "/v2/");
        assertEquals(403, denied.statusCode());
        assertTrue(denied.body().contains("\"DENIED\""));
        assertTrue(denied.body().contains("client with IP '192.0.2.7' is not allowed access"), denied.body());
        assertEquals(200, from("10.20.30.40", "/v2/").statusCode());
    }

    @Test
    void theTokenServiceKeepsTheSameClientsOut() throws Exception {
        registry.networkRules(DENY_BUT_TEN);
        assertEquals(
                403,
                from("192.0.2.7", "/oauth2/token?scope=repository:app:pull").statusCode());
        assertEquals(
                200, from("10.0.0.1", "/oauth2/token?scope=repository:app:pull").statusCode());
    }

    @Test
    void onlyTheRightMostUntrustedHopCounts() throws Exception {
        registry.networkRules(DENY_BUT_TEN);
        assertEquals(403, from("10.0.0.1, 192.0.2.7", "/v2/").statusCode(), "a forged left-most hop is ignored");
        assertEquals(200, from("192.0.2.7, 10.0.0.1, 127.0.0.1", "/v2/").statusCode());
    }

    @Test
    void publicAccessOffKeepsEveryoneButLoopbackOut() throws Exception {
        registry.networkRules(new NetworkRules(false, NetworkRules.DefaultAction.ALLOW, List.of()));
        assertEquals(403, from("10.0.0.1", "/v2/").statusCode());
        assertEquals(200, registry.get("/v2/", SecuredRegistry.basic("admin")).statusCode());
    }

    @Test
    void behindATrustedProxyThatTerminatedTlsTheChallengeNamesHttps() {
        HttpResponse<String> challenge =
                registry.send("GET", "/v2/", null, null, "X-Forwarded-Proto", "https", "X-Forwarded-For", "10.0.0.1");
        assertTrue(
                challenge.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer realm=\"https://"));
    }

    @Test
    void withTheDefaultsEveryoneMayTry() {
        assertEquals(200, from("198.51.100.1", "/v2/").statusCode());
    }
}
