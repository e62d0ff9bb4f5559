package dev.berth.metadata.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Digest;
import dev.berth.core.spi.ManifestStore.ChildPlatform;
import dev.berth.core.spi.ManifestStore.ImageFacts;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A manifest's {@link ImageFacts} in the columns of {@code manifests}: {@code config_media_type}, {@code
 * architecture}, {@code os}, {@code image_size}, and {@code platforms}, an index's children as a JSON array of
 * {@code {digest, architecture, os}}. A null {@code image_size} means the facts were never recorded.
 */
final class ImageFactsColumns {
    /** The columns, in the order {@link #read} expects them. */
    static final String COLUMNS = "config_media_type, architecture, os, image_size, platforms";

    private ImageFactsColumns() {}

    /** The same columns of a table alias, such as {@code m.config_media_type, ...}. */
    static String of(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    static String platforms(ImageFacts facts) {
        if (facts.children().isEmpty()) {
            return null;
        }
        List<Map<String, String>> children = new ArrayList<>();
        for (ChildPlatform child : facts.children()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("digest", child.digest().toString());
            entry.put("architecture", child.architecture());
            entry.put("os", child.os());
            children.add(entry);
        }
        return Json.writeString(children);
    }

    /** The facts in the row from the given column on, or null when they were never recorded. */
    static ImageFacts read(ResultSet row, int first) throws SQLException {
        long imageSize = row.getLong(first + 3);
        if (row.wasNull()) {
            return null;
        }
        return new ImageFacts(
                row.getString(first),
                row.getString(first + 1),
                row.getString(first + 2),
                imageSize,
                children(row.getString(first + 4)));
    }

    private static List<ChildPlatform> children(String json) {
        if (json == null) {
            return List.of();
        }
        List<ChildPlatform> children = new ArrayList<>();
        for (JsonNode entry : Json.parse(json.getBytes(StandardCharsets.UTF_8))) {
            children.add(new ChildPlatform(
                    Digest.parse(entry.path("digest").asText()), text(entry, "architecture"), text(entry, "os")));
        }
        return children;
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
