package dev.berth.cli.output;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * One column of a table: its header and how a row's JSON gives its text.
 *
 * @param header upper case, as {@code az} prints it
 */
public record Column(String header, Function<JsonNode, String> value) {
    /** The value at a JSON pointer ({@code /properties/loginServer}); empty when missing or null. */
    public static Column at(String header, String pointer) {
        JsonPointer at = JsonPointer.compile(pointer);
        return new Column(header, row -> text(row.at(at)));
    }

    /** A byte count, in the field {@code field} of the row, for people: {@code 1.5 KiB}. */
    public static Column size(String header, String field) {
        return new Column(header, row -> Sizes.human(row.path(field).asLong()));
    }

    /** How many items the array in the field {@code field} of the row holds. */
    public static Column count(String header, String field) {
        return new Column(header, row -> String.valueOf(row.path(field).size()));
    }

    /** A scalar as text, an array of scalars joined by {@code ", "}, anything else as compact JSON. */
    public static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray() && allScalars(node)) {
            StringBuilder joined = new StringBuilder();
            node.forEach(item -> joined.append(joined.isEmpty() ? "" : ", ").append(item.asText()));
            return joined.toString();
        }
        return node.toString();
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isValueNode()) {
                return false;
            }
        }
        return true;
    }
}
