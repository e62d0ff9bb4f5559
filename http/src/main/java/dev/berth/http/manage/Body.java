package dev.berth.http.manage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed, strict reads of a JSON object: a field of the wrong type is {@code INVALID_REQUEST}, naming the field. */
final class Body {
    private final JsonNode node;
    private final String path;

    Body(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** A nested object, empty when absent or null. */
    Body object(String field) {
        JsonNode child = node.path(field);
        if (!child.isMissingNode() && !child.isNull() && !child.isObject()) {
            throw invalid(field, "an object");
        }
        return new Body(child, path + field + ".");
    }

    boolean has(String field) {
        JsonNode child = node.path(field);
        return !child.isMissingNode() && !child.isNull();
    }

    Optional<String> text(String field) {
        JsonNode child = node.path(field);
        if (child.isMissingNode() || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isTextual()) {
            throw invalid(field, "a string");
        }
        return Optional.of(child.asText());
    }

    String requiredText(String field) {
        return text(field)
                .orElseThrow(() ->
                        new RegistryException(ErrorCode.INVALID_REQUEST, "the field " + path + field + " is required"));
    }

    Optional<Boolean> bool(String field) {
        JsonNode child = node.path(field);
        if (child.isMissingNode() || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isBoolean()) {
            throw invalid(field, "true or false");
        }
        return Optional.of(child.asBoolean());
    }

    Optional<List<String>> texts(String field) {
        JsonNode child = node.path(field);
        if (child.isMissingNode() || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isArray()) {
            throw invalid(field, "an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : child) {
            if (!element.isTextual()) {
                throw invalid(field, "an array of strings");
            }
            values.add(element.asText());
        }
        return Optional.of(values);
    }

    /** An object of string values, in the order given. */
    Optional<Map<String, String>> textMap(String field) {
        JsonNode child = node.path(field);
        if (child.isMissingNode() || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isObject()) {
            throw invalid(field, "an object of strings");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var entry : child.properties()) {
            if (!entry.getValue().isTextual()) {
                throw invalid(field, "an object of strings");
            }
            values.put(entry.getKey(), entry.getValue().asText());
        }
        return Optional.of(values);
    }

    /** An array of objects. */
    Optional<List<Body>> objects(String field) {
        JsonNode child = node.path(field);
        if (child.isMissingNode() || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isArray()) {
            throw invalid(field, "an array of objects");
        }
        List<Body> values = new ArrayList<>();
        for (JsonNode element : child) {
            if (!element.isObject()) {
                throw invalid(field, "an array of objects");
            }
            values.add(new Body(element, path + field + "[]."));
        }
        return Optional.of(values);
    }

    private RegistryException invalid(String field, String expected) {
        return new RegistryException(ErrorCode.INVALID_REQUEST, "the field " + path + field + " must be " + expected);
    }
}
