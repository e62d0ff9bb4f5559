package dev.berth.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;

/** The first entry of a registry's error envelope, {@code {"errors":[{"code","message"}]}}, when there is one. */
record ErrorEnvelope(String code, String message) {
    static final ErrorEnvelope NONE = new ErrorEnvelope(null, null);

    static ErrorEnvelope parse(byte[] body) {
        if (body == null || body.length == 0) {
            return NONE;
        }
        try {
            JsonNode first = Json.parse(body).path("errors").path(0);
            String code = first.path("code").isTextual() ? first.path("code").asText() : null;
            String message =
                    first.path("message").isTextual() ? first.path("message").asText() : null;
            return new ErrorEnvelope(code, message);
        } catch (RuntimeException notJson) {
            return NONE;
        }
    }

    /** The registry's own words, or the fallback. */
    String messageOr(String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String m = message.length() > 200 ? message.substring(0, 200) + "..." : message;
        return code == null ? m : code + ": " + m;
    }
}
