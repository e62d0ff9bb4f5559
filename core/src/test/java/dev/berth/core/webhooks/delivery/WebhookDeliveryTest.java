package dev.berth.core.webhooks.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.events.EventAction;
import dev.berth.core.events.EventRequest;
import dev.berth.core.events.EventTarget;
import dev.berth.core.events.RegistryEvent;
import dev.berth.core.json.Json;
import dev.berth.core.webhooks.Webhook;
import dev.berth.core.webhooks.WebhookActions;
import dev.berth.core.webhooks.WebhookScope;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {
    private static Webhook webhook(long registryId, List<String> actions, String scope, boolean enabled) {
        return new Webhook(
                "id",
                registryId,
                "hook1",
                URI.create("http://127.0.0.1/"),
                Map.of(),
                actions,
                new WebhookScope(scope),
                enabled,
                Optional.empty(),
                Instant.EPOCH);
    }

    private static RegistryEvent event(long registryId, EventAction action, String tag) {
        return new RegistryEvent(
                1,
                UUID.randomUUID(),
                registryId,
                Instant.parse("2026-11-28T00:00:00Z"),
                action,
                new EventTarget("application/vnd.oci.image.manifest.v1+json", null, "sha256:ab", null, "app", tag),
                new EventRequest("r", "h", "DELETE", "ua", "a"),
                "alice");
    }

    @Test
    void untagAndRepositoryDeleteAreSentAsAcrsDelete() {
        JsonNode untag = Json.parse(
                WebhookDelivery.payload(event(1, EventAction.TAG_DELETE, "v1")).getBytes(StandardCharsets.UTF_8));
        assertEquals("delete", untag.path("action").asText());
        assertEquals("v1", untag.path("target").path("tag").asText());
        assertEquals("delete", WebhookActions.of(EventAction.REPOSITORY_DELETE));
        assertEquals("push", WebhookActions.of(EventAction.PUSH));
    }

    @Test
    void aWebhookHearsOnlyItsRegistryItsActionsAndItsScopeWhileEnabled() {
        Webhook deletes = webhook(1, List.of("delete"), "app:*", true);
        assertTrue(WebhookDelivery.hears(deletes, event(1, EventAction.TAG_DELETE, "v1")));
        assertFalse(WebhookDelivery.hears(deletes, event(2, EventAction.TAG_DELETE, "v1")));
        assertFalse(WebhookDelivery.hears(deletes, event(1, EventAction.PUSH, "v1")));
        assertFalse(WebhookDelivery.hears(
                webhook(1, List.of("delete"), "web:*", true), event(1, EventAction.DELETE, null)));
        assertFalse(
                WebhookDelivery.hears(webhook(1, List.of("delete"), "", false), event(1, EventAction.DELETE, null)));
    }
}
