package dev.berth.http.manage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;
import dev.berth.core.webhooks.Delivery;
import dev.berth.core.webhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Webhooks and their deliveries in ARM's shapes; service URI, custom headers and signing secret never shown. */
final class WebhookShapes {
    private WebhookShapes() {}

    static Map<String, Object> webhook(String registry, Webhook webhook) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", webhook.enabled() ? "enabled" : "disabled");
        properties.put("scope", webhook.scope().text());
        properties.put("actions", webhook.actions());
        properties.put("signed", webhook.signingSecret().isPresent());
        properties.put("provisioningState", "Succeeded");
        return Shapes.resource(
                "/registries/" + registry + "/webhooks/" + webhook.name(),
                webhook.name(),
                Shapes.TYPE + "/webhooks",
                null,
                properties);
    }

    static Map<String, Object> callbackConfig(Webhook webhook) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("serviceUri", webhook.serviceUri().toString());
        config.put("customHeaders", webhook.customHeaders());
        return config;
    }

    /** ACR's listEvents item, with Berth's attempt facts beside it. */
    static Map<String, Object> delivery(Delivery delivery) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("content", content(delivery.requestBody()));
        request.put("headers", delivery.requestHeaders());
        request.put("method", "POST");
        request.put("requestUri", delivery.requestUri());
        request.put("version", "1.1");
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("content", delivery.responseBody());
        response.put("headers", delivery.responseHeaders());
        response.put("reasonPhrase", delivery.status() == 0 ? delivery.error() : "");
        response.put("statusCode", delivery.status() == 0 ? "" : Integer.toString(delivery.status()));
        response.put("version", "1.1");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", delivery.id());
        item.put("eventId", delivery.eventId());
        item.put("action", delivery.action());
        item.put("attempt", delivery.attempt());
        item.put("timestamp", delivery.time().toString());
        item.put("durationMs", delivery.durationMillis());
        item.put("outcome", outcome(delivery.outcome()));
        item.put("eventRequestMessage", request);
        item.put("eventResponseMessage", response);
        return item;
    }

    private static String outcome(Delivery.Outcome outcome) {
        return switch (outcome) {
            case DELIVERED -> "delivered";
            case FAILED -> "failed";
            case DEAD_LETTERED -> "deadLettered";
        };
    }

    private static Object content(String body) {
        try {
            JsonNode node = Json.parse(body.getBytes(StandardCharsets.UTF_8));
            return node;
        } catch (RuntimeException e) {
            return body;
        }
    }
}
