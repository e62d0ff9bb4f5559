package dev.berth.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An event as the outbox stores it: the JSON of ACR's webhook payload ({@code id, timestamp, action, target,
 * request, actor}), with absent target parts left out. The sequence and registry are columns of their own, so every
 * metadata backend stores the same document and later consumers (webhooks) can send it nearly as is.
 */
public final class EventPayload {
    private EventPayload() {}

    public static String write(RegistryEvent event) {
        ObjectNode root = Json.object();
        root.put("id", event.id().toString());
        root.put("timestamp", event.time().toString());
        root.put("action", event.action().wireName());
        ObjectNode target = root.putObject("target");
        EventTarget t = event.target();
        putIfPresent(target, "mediaType", t.mediaType());
        if (t.size() != null) {
            target.put("size", t.size());
        }
        putIfPresent(target, "digest", t.digest());
        if (t.length() != null) {
            target.put("length", t.length());
        }
        target.put("repository", t.repository());
        putIfPresent(target, "tag", t.tag());
        putIfPresent(target, "name", t.name());
        putIfPresent(target, "version", t.version());
        ObjectNode request = root.putObject("request");
        EventRequest r = event.request();
        request.put("id", r.id());
        request.put("host", r.host());
        request.put("method", r.method());
        request.put("useragent", r.useragent());
        request.put("addr", r.addr());
        root.putObject("actor").put("name", event.actor());
        return Json.writeString(root);
    }

    /** The event a stored payload describes, with the sequence and registry the store keeps beside it. */
    public static RegistryEvent read(long sequence, long registryId, String json) {
        JsonNode root = Json.parse(json.getBytes(StandardCharsets.UTF_8));
        JsonNode t = root.path("target");
        JsonNode r = root.path("request");
        return new RegistryEvent(
                sequence,
                UUID.fromString(root.path("id").asText()),
                registryId,
                Instant.parse(root.path("timestamp").asText()),
                EventAction.byWireName(root.path("action").asText()).orElseThrow(),
                new EventTarget(
                        text(t, "mediaType"),
                        number(t, "size"),
                        text(t, "digest"),
                        number(t, "length"),
                        text(t, "repository"),
                        text(t, "tag"),
                        text(t, "name"),
                        text(t, "version")),
                new EventRequest(
                        text(r, "id"), text(r, "host"), text(r, "method"), text(r, "useragent"), text(r, "addr")),
                root.path("actor").path("name").asText(""));
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asLong();
    }
}
