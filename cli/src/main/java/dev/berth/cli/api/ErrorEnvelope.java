package dev.berth.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.cli.json.Json;
import java.io.IOException;

/**
 * Reads an error answer: the management API's {@code {"error": {"code", "message"}}}, or the registry's {@code
 * {"errors": [{"code", "message"}]}} that the {@code /acr/v1} and {@code /v2} routes answer with.
 */
final class ErrorEnvelope {
    private ErrorEnvelope() {}

    static ApiException toException(int status, byte[] body) {
        JsonNode error = parse(body);
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        return new ApiException(status, code, message.isBlank() ? fallback(status) : message);
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode envelope = Json.parse(body);
            JsonNode error = envelope.path("error");
            return error.isObject() ? error : envelope.path("errors").path(0);
        } catch (IOException notJson) {
            return Json.object();
        }
    }

    private static String fallback(int status) {
        return switch (status) {
            case 401 -> "authentication failed";
            case 403 -> "access denied";
            case 404 -> "not found";
            case 405 -> "the server does not offer this operation (is it an older Berth?)";
            case 409 -> "conflict";
            case 429 -> "too many requests; try again later";
            default -> "the server answered " + status;
        };
    }
}
