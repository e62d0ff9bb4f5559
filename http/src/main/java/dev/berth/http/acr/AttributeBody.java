package dev.berth.http.acr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.json.Json;
import dev.berth.core.lock.AttributeUpdate;
import dev.berth.core.quarantine.Quarantine;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of a PATCH: a JSON object of changeable attributes, each a boolean, any subset of them; a manifest's may
 * also carry a scanner's {@code quarantineState} ({@code Passed} or {@code Failed}) with its {@code
 * quarantineDetails} (a string). Anything else in it (a field of another name, a value of another type) is refused,
 * so a typo never passes as a change that did nothing.
 */
final class AttributeBody {
    private static final int MAX_BYTES = 64 * 1024;
    private static final List<String> FIELDS = List.of("deleteEnabled", "writeEnabled", "readEnabled", "listEnabled");
    private static final String STATE = "quarantineState";
    private static final String DETAILS = "quarantineDetails";

    private AttributeBody() {}

    /** A manifest's PATCH: attributes, and a quarantine state when the body sets one. */
    record ManifestPatch(AttributeUpdate attributes, Optional<Quarantine> quarantine) {}

    static AttributeUpdate read(Exchange exchange) throws IOException {
        return attributes(object(exchange), List.of());
    }

    static ManifestPatch readManifest(Exchange exchange) throws IOException {
        JsonNode root = object(exchange);
        return new ManifestPatch(attributes(root, List.of(STATE, DETAILS)), quarantine(root));
    }

    private static JsonNode object(Exchange exchange) throws IOException {
        JsonNode root = parse(bytes(exchange));
        if (!root.isObject()) {
            throw invalid("the body must be a JSON object of changeable attributes");
        }
        return root;
    }

    private static AttributeUpdate attributes(JsonNode root, List<String> others) {
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (others.contains(field.getKey())) {
                continue;
            }
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

    private static Optional<Quarantine> quarantine(JsonNode root) {
        JsonNode state = root.get(STATE);
        JsonNode details = root.get(DETAILS);
        if (state == null) {
            if (details != null) {
                throw invalid(DETAILS + " goes with " + STATE);
            }
            return Optional.empty();
        }
        Quarantine.State known = Quarantine.State.byWireName(state.asText())
                .filter(s -> state.isTextual())
                .orElseThrow(() -> invalid(STATE + " must be Passed or Failed"));
        if (details != null && !details.isTextual()) {
            throw invalid(DETAILS + " must be a string (the scanner's JSON report)");
        }
        try {
            return Optional.of(new Quarantine(known, details == null ? "" : details.asText()));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
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
