package dev.berth.http.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A webhook cannot be turned against Berth itself: pointed at Berth's own API with an administrator's {@code
 * Authorization}, a ping is refused by the egress policy before anything is sent, even though this test installation
 * allows loopback for its receivers, and the history shows the policy's message, not Berth's answer.
 */
class WebhookEgressTest {
    private static ManagedBerth berth;

    @BeforeAll
    static void start() throws Exception {
        berth = new ManagedBerth();
    }

    @AfterAll
    static void stop() throws Exception {
        berth.close();
    }

    @Test
    void aWebhookAtBerthsOwnApiIsRefusedAndItsAnswerNeverRead() {
        JsonNode attempt = ping("selfhook", "http://127.0.0.1:" + berth.port() + "/api/registries");

        assertRefused(attempt, "egress to 127.0.0.1 is not allowed by the installation's egress policy");
    }

    @Test
    void aNameThatResolvesToBerthIsRefusedToo() {
        JsonNode attempt = ping("namehook", "http://localhost:" + berth.port() + "/api/registries");

        assertRefused(attempt, "egress to localhost (127.0.0.1) is not allowed by the installation's egress policy");
    }

    @Test
    void anIpv4MappedAddressOfBerthIsRefused() {
        JsonNode attempt = ping("mappedhook", "http://[::ffff:127.0.0.1]:" + berth.port() + "/api/registries");

        assertRefused(attempt, "egress to 127.0.0.1 is not allowed by the installation's egress policy");
    }

    @Test
    void linkLocalAddressesAreRefused() {
        JsonNode attempt = ping("metadatahook", "http://169.254.169.254/latest/meta-data/");

        assertRefused(attempt, "egress to 169.254.169.254 is not allowed by the installation's egress policy");
    }

    /** Pings a new webhook of a new registry named {@code name}, with the administrator's credentials as a header. */
    private static JsonNode ping(String name, String uri) {
        berth.registry(name, "Standard");
        berth.admin(
                        "PUT",
                        "/api/registries/" + name + "/webhooks/egresshook",
                        "{\"properties\":{\"serviceUri\":\"" + uri + "\",\"actions\":[\"push\"],"
                                + "\"customHeaders\":{\"Authorization\":\"" + ManagedBerth.ADMIN + "\"}}}")
                .expect(201);
        berth.admin("POST", "/api/registries/" + name + "/webhooks/egresshook/ping", null)
                .expect(200);
        JsonNode events = berth.admin("POST", "/api/registries/" + name + "/webhooks/egresshook/listEvents", null)
                .expect(200)
                .json()
                .path("value");
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static void assertRefused(JsonNode attempt, String message) {
        JsonNode response = attempt.path("eventResponseMessage");
        assertEquals("failed", attempt.path("outcome").asText(), attempt.toString());
        assertEquals(message, response.path("reasonPhrase").asText(), attempt.toString());
        assertEquals("", response.path("statusCode").asText(), attempt.toString());
        assertFalse(response.path("content").asText().contains("registries"), attempt.toString());
    }
}
