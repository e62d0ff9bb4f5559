package dev.berth.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Berth's one JSON codec, wrapping Jackson. Parsing is strict: duplicate keys and anything after the document are
 * refused (two parsers must never disagree on what a manifest says) and nesting is bounded.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    static {
        MAPPER.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private Json() {}

    /** Parses a JSON document, or throws {@link InvalidJsonException} with a message safe to show. */
    public static JsonNode parse(byte[] content) {
        try {
            JsonNode node = MAPPER.readTree(content);
            if (node == null || node.isMissingNode()) {
                throw new InvalidJsonException("empty document");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidJsonException(firstLine(e.getMessage()));
        }
    }

    /** Serialises records, maps, lists and nodes. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Binds a parsed tree onto a type. */
    public static <T> T convert(Object node, Class<T> type) {
        return MAPPER.convertValue(node, type);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** A document that is not well-formed JSON. */
    public static final class InvalidJsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidJsonException(String message) {
            super(message, null, false, false);
        }
    }
}
