package dev.berth.http.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registries made through the API answer on their own login servers and share nothing. */
class RegistryIsolationTest {
    private static ManagedBerth berth;

    @BeforeAll
    static void start() throws Exception {
        berth = new ManagedBerth();
        berth.registry("isoalpha", "Standard");
        berth.registry("isobeta", "Standard");
        assertEquals(201, berth.push("isoalpha", "app", ManagedBerth.ADMIN));
    }

    @AfterAll
    static void stop() throws Exception {
        berth.close();
    }

    private static int catalogSize(String registry) {
        return catalogSizeOn(berth.host(registry));
    }

    private static int catalogSizeOn(String host) {
        return berth.send("GET", "/v2/_catalog", ManagedBerth.ADMIN, null, "Host", host)
                .expect(200)
                .json()
                .path("repositories")
                .size();
    }

    @Test
    void contentPushedToOneRegistryIsNotInAnother() {
        assertEquals(200, berth.pull("isoalpha", "app", ManagedBerth.ADMIN));
        assertEquals(404, berth.pull("isobeta", "app", ManagedBerth.ADMIN));
        assertEquals(404, berth.pull("default", "app", ManagedBerth.ADMIN));
        assertEquals(1, catalogSize("isoalpha"));
        assertEquals(0, catalogSize("isobeta"));
    }

    @Test
    void theLoginServerWithATrailingDotOrInUpperCaseReachesTheSameRegistry() {
        for (String host : new String[] {
            "isoalpha.localhost.:" + berth.port(), "ISOALPHA.LocalHost:" + berth.port(), "isoalpha.localhost."
        }) {
            assertEquals(1, catalogSizeOn(host), host);
        }
        for (String host : new String[] {"[::1]:" + berth.port(), "[::1]", "127.0.0.1"}) {
            assertEquals(0, catalogSizeOn(host), host + " reaches the default registry");
        }
    }

    @Test
    void aRoleOnOneRegistryGivesNothingOnAnother() {
        String pusher = berth.user("isopusher");
        berth.assign("user:isopusher", "AcrPush", "/registries/isoalpha");
        assertEquals(201, berth.push("isoalpha", "pushed", pusher));
        assertEquals(403, berth.push("isobeta", "pushed", pusher));
    }

    @Test
    void aTokenOfOneRegistryDoesNotSignInToAnother() {
        String password = berth.admin(
                        "PUT",
                        "/api/registries/isoalpha/tokens/iso-token",
                        "{\"properties\":{\"scopeMapId\":\"_repositories_admin\"}}")
                .expect(201)
                .json()
                .path("properties")
                .path("credentials")
                .path("passwords")
                .get(0)
                .path("value")
                .asText();
        String token = ManagedBerth.basic("iso-token", password);
        assertEquals(200, berth.pull("isoalpha", "app", token));
        assertEquals(401, berth.pull("isobeta", "app", token));
    }

    @Test
    void anonymousPullTurnedOnThroughTheApiOpensOnlyThatRegistry() {
        berth.registry("isoanon", "Standard");
        assertEquals(201, berth.push("isoanon", "app", ManagedBerth.ADMIN));
        assertEquals(201, berth.push("isobeta", "app", ManagedBerth.ADMIN));
        assertEquals(401, berth.pull("isoanon", "app", null));
        berth.admin("PATCH", "/api/registries/isoanon", "{\"properties\":{\"anonymousPullEnabled\":true}}")
                .expect(200);
        assertEquals(200, berth.pull("isoanon", "app", null));
        assertEquals(401, berth.pull("isobeta", "app", null));
        assertEquals(401, berth.push("isoanon", "anon", null));
    }

    @Test
    void aHostThatNamesNoRegistryReachesNothingAndOthersReachTheDefault() {
        berth.send("GET", "/v2/", ManagedBerth.ADMIN, null, "Host", berth.host("nosuchreg"))
                .expect(404);
        assertEquals(201, berth.push("default", "viaip", ManagedBerth.ADMIN));
        berth.send("GET", "/v2/viaip/manifests/v1", ManagedBerth.ADMIN, null, "Host", "localhost:" + berth.port())
                .expect(200);
    }

    @Test
    void aDeletedRegistryAnswersNoMoreAndANewOneOfItsNameStartsEmpty() {
        berth.registry("isodoomed", "Basic");
        assertEquals(201, berth.push("isodoomed", "app", ManagedBerth.ADMIN));
        berth.admin("DELETE", "/api/registries/isodoomed", null).expect(204);
        berth.send("GET", "/v2/", ManagedBerth.ADMIN, null, "Host", berth.host("isodoomed"))
                .expect(404);
        berth.registry("isodoomed", "Basic");
        assertEquals(404, berth.pull("isodoomed", "app", ManagedBerth.ADMIN));
        assertEquals(0, catalogSize("isodoomed"));
    }
}
