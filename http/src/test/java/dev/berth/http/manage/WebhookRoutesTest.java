package dev.berth.http.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.webhooks.delivery.WebhookSender;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Webhooks as resources over HTTP: ARM shapes, secrets kept, the tier's count, and the operations by hand. */
class WebhookRoutesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static ManagedBerth berth;
    private static Receiver receiver;

    @BeforeAll
    static void start() throws Exception {
        berth = new ManagedBerth();
        receiver = new Receiver();
        berth.registry("hookreg", "Standard");
    }

    @AfterAll
    static void stop() throws Exception {
        receiver.close();
        berth.close();
    }

    private static ManagedBerth.Response put(String registry, String name, String properties) {
        return berth.admin(
                "PUT", "/api/registries/" + registry + "/webhooks/" + name, "{\"properties\":" + properties + "}");
    }

    private static String hook(String extra) {
        return "{\"serviceUri\":\"" + receiver.uri() + "\",\"actions\":[\"push\",\"delete\"]" + extra + "}";
    }

    @Test
    void aWebhookIsAnsweredInArmsShapeWithoutItsSecrets() {
        berth.registry("shapereg", "Standard");
        JsonNode webhook = put(
                        "shapereg",
                        "shapehook",
                        hook(",\"scope\":\"app:*\",\"customHeaders\":{\"Authorization\":\"Bearer s3cret\"},"
                                + "\"signingSecret\":\"k\""))
                .expect(201)
                .json();
        assertEquals(
                "/registries/shapereg/webhooks/shapehook", webhook.path("id").asText());
        assertEquals(
                "Microsoft.ContainerRegistry/registries/webhooks",
                webhook.path("type").asText());
        JsonNode properties = webhook.path("properties");
        assertEquals("enabled", properties.path("status").asText());
        assertEquals("app:*", properties.path("scope").asText());
        assertEquals("push", properties.path("actions").get(0).asText());
        assertTrue(properties.path("signed").asBoolean());
        assertFalse(webhook.toString().contains("s3cret"), webhook::toString);
        assertFalse(webhook.toString().contains(receiver.uri()), webhook::toString);

        JsonNode config = berth.admin("POST", "/api/registries/shapereg/webhooks/shapehook/getCallbackConfig", null)
                .expect(200)
                .json();
        assertEquals(receiver.uri(), config.path("serviceUri").asText());
        assertEquals(
                "Bearer s3cret",
                config.path("customHeaders").path("Authorization").asText());

        JsonNode patched = berth.admin(
                        "PATCH",
                        "/api/registries/shapereg/webhooks/shapehook",
                        "{\"properties\":{\"status\":\"disabled\"}}")
                .expect(200)
                .json();
        assertEquals("disabled", patched.path("properties").path("status").asText());
        assertEquals("app:*", patched.path("properties").path("scope").asText());
        assertEquals(
                1,
                berth.admin("GET", "/api/registries/shapereg/webhooks", null)
                        .expect(200)
                        .json()
                        .path("value")
                        .size());
        berth.admin("DELETE", "/api/registries/shapereg/webhooks/shapehook", null)
                .expect(204);
        berth.admin("GET", "/api/registries/shapereg/webhooks/shapehook", null).expectError(404, "ResourceNotFound");
    }

    @Test
    void exactlyTheTiersCountOfWebhooksCanBeMadeAndUsageCountsThem() {
        berth.registry("limitreg", "Basic");
        put("limitreg", "hookone", hook("")).expect(201);
        put("limitreg", "hooktwo", hook("")).expect(201);
        put("limitreg", "hookthree", hook("")).expectError(409, "QuotaExceeded");
        put("limitreg", "hooktwo", hook(",\"scope\":\"x\"")).expect(200);
        JsonNode usages = berth.admin("POST", "/api/registries/limitreg/listUsages", null)
                .expect(200)
                .json()
                .path("value");
        for (JsonNode usage : usages) {
            if (usage.path("name").asText().equals("Webhooks")) {
                assertEquals(2, usage.path("currentValue").asInt(), usage::toString);
            }
        }
        berth.admin("DELETE", "/api/registries/limitreg", null).expect(204);
        berth.registry("limitreg", "Basic");
        berth.admin("GET", "/api/registries/limitreg/webhooks", null)
                .expect(200)
                .json()
                .path("value")
                .forEach(w -> {
                    throw new AssertionError("a deleted registry's webhook came back: " + w);
                });
    }

    @Test
    void wrongWebhooksAreRefusedNamingWhatIsWrong() {
        put("hookreg", "bad-name", hook("")).expectError(400, "InvalidRequest");
        put("hookreg", "tiny", hook("")).expectError(400, "InvalidRequest");
        put("hookreg", "nouri", "{\"actions\":[\"push\"]}").expectError(400, "InvalidRequest");
        put("hookreg", "ftphook", "{\"serviceUri\":\"ftp://x/\",\"actions\":[\"push\"]}")
                .expectError(400, "InvalidRequest");
        put("hookreg", "badaction", "{\"serviceUri\":\"http://x/\",\"actions\":[\"pull\"]}")
                .expectError(400, "InvalidRequest");
        put("hookreg", "badstatus", hook(",\"status\":\"on\"")).expectError(400, "InvalidRequest");
        put("hookreg", "badheader", hook(",\"customHeaders\":{\"a b\":\"c\"}")).expectError(400, "InvalidRequest");
        berth.admin("PATCH", "/api/registries/hookreg/webhooks/nosuchhook", "{}")
                .expectError(404, "ResourceNotFound");
        berth.admin("POST", "/api/registries/hookreg/webhooks/nosuchhook/ping", null)
                .expectError(404, "ResourceNotFound");
        berth.call("GET", "/api/registries/hookreg/webhooks", null, null).expectError(401, "Unauthorized");
    }

    @Test
    void aPingIsSignedRecordedWithSecretsMaskedAndCanBeRedelivered() throws Exception {
        berth.registry("pingreg", "Standard");
        put("pingreg", "pinghook", hook(",\"customHeaders\":{\"X-Token\":\"abc\"},\"signingSecret\":\"sig\""))
                .expect(201);
        String id = berth.admin("POST", "/api/registries/pingreg/webhooks/pinghook/ping", null)
                .expect(200)
                .json()
                .path("id")
                .asText();
        Receiver.Received ping = receiver.next(WAIT);
        assertEquals("ping", ping.json().path("action").asText());
        assertEquals(id, ping.json().path("id").asText());
        assertEquals("abc", ping.header("X-Token"));
        assertTrue(ping.header("Content-Type").startsWith("application/json"));
        assertEquals("sha256=" + WebhookSender.sign("sig", ping.body()), ping.header(WebhookSender.SIGNATURE_HEADER));

        JsonNode events = berth.admin("POST", "/api/registries/pingreg/webhooks/pinghook/listEvents", null)
                .expect(200)
                .json()
                .path("value");
        assertEquals(1, events.size());
        JsonNode event = events.get(0);
        assertEquals("delivered", event.path("outcome").asText());
        assertEquals(
                "ping",
                event.path("eventRequestMessage").path("content").path("action").asText());
        assertEquals(
                "******",
                event.path("eventRequestMessage")
                        .path("headers")
                        .path("X-Token")
                        .asText());
        assertEquals(
                "200", event.path("eventResponseMessage").path("statusCode").asText());

        JsonNode again = berth.admin(
                        "POST",
                        "/api/registries/pingreg/webhooks/pinghook/events/"
                                + event.path("id").asText() + "/redeliver",
                        null)
                .expect(200)
                .json();
        assertEquals(id, again.path("eventId").asText());
        assertEquals(ping.body(), receiver.next(WAIT).body());
        berth.admin("POST", "/api/registries/pingreg/webhooks/pinghook/events/nosuch/redeliver", null)
                .expectError(404, "ResourceNotFound");
    }

    @Test
    void listEventsIsPagedWithANextLink() throws Exception {
        berth.registry("pagereg", "Standard");
        put("pagereg", "pagehook", hook("")).expect(201);
        for (int i = 0; i < 3; i++) {
            berth.admin("POST", "/api/registries/pagereg/webhooks/pagehook/ping", null)
                    .expect(200);
            receiver.next(WAIT);
        }
        JsonNode first = berth.admin("POST", "/api/registries/pagereg/webhooks/pagehook/listEvents?top=2", null)
                .expect(200)
                .json();
        assertEquals(2, first.path("value").size());
        String next = first.path("nextLink").asText();
        JsonNode second = berth.admin("POST", next, null).expect(200).json();
        assertEquals(1, second.path("value").size());
        assertTrue(second.path("nextLink").isMissingNode());
    }
}
