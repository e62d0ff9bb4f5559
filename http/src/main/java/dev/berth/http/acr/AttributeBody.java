package dev.berth.http.acr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.json.Json;
import dev.berth.core.lock.AttributeUpdate;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The body of a PATCH: a JSON object of changeable attributes, each a boolean, any subset of them. Anything else in
 * it (a field of another name, a value that is not a boolean) is refused, so a typo never passes as a change that
 * did nothing.
 */
final class AttributeBody {
    private static final int MAX_BYTES = 64 * 1024;
    private static final List<String> FIELDS = List.of("deleteEnabled", "writeEnabled", "readEnabled", "listEnabled");

    private AttributeBody() {}

    static AttributeUpdate read(Exchange exchange) throws IOException {
        JsonNode root = parse(bytes(exchange));
        if (!root.isObject()) {
            throw invalid("the body must be a JSON object of changeable attributes");
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw invalid("unknown attribute " + shorten(field.getKey()) + "; known: " + String.join(", ", FIELDS));
            }
            if (!field.getValue().isBoolean()) {
                throw invalid(field.getKey() + " must be true or false");
            }
        }
        return new AttributeUpdate(
                value(root, "deleteEnabled"),
                value(root, "writeEnabled"),
                value(root, "readEnabled"),
                value(root, "listEnabled"));
    }

    private static byte[] bytes(Exchange exchange) throws IOException {
        try {
            return exchange.bodyBytes(MAX_BYTES);
        } catch (Exchange.BodyTooLargeException e) {
            throw new RegistryException(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than " + MAX_BYTES + " bytes");
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.parse(body);
        } catch (Json.InvalidJsonException e) {
            throw invalid("malformed JSON: " + e.getMessage());
        }
    }

    private static Boolean value(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null ? null : value.asBoolean();
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static RegistryException invalid(String message) {
        return new RegistryException(ErrorCode.INVALID_REQUEST, message);
    }
}
