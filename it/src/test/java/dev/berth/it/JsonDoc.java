package dev.berth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A parsed JSON document, read by field names; keeps Jackson out of the tests. */
final class JsonDoc {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode node;

    private JsonDoc(JsonNode node) {
        this.node = node;
    }

    static JsonDoc parse(byte[] json) {
        try {
            return new JsonDoc(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    /** The text at the path of field names, or null where it is missing. */
    String text(String... path) {
        JsonNode at = node;
        for (String field : path) {
            at = at.path(field);
        }
        return at.isMissingNode() || at.isNull() ? null : at.asText();
    }

    long number(String field) {
        return node.path(field).asLong(-1);
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    JsonDoc object(String field) {
        return new JsonDoc(node.path(field));
    }

    /** The elements of an array field; empty when it is missing. */
    List<JsonDoc> array(String field) {
        List<JsonDoc> items = new ArrayList<>();
        node.path(field).forEach(item -> items.add(new JsonDoc(item)));
        return items;
    }

    /** The elements of an array of strings; empty when it is missing. */
    List<String> strings(String field) {
        return array(field).stream().map(item -> item.node.asText()).toList();
    }

    @Override
    public String toString() {
        return node.toString();
    }
}
