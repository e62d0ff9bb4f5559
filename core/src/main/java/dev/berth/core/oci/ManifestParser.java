package dev.berth.core.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.error.RegistryException;
import dev.berth.core.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads OCI image manifests and indexes and Docker v2 schema 2 manifests and manifest lists, checking the structure
 * the specs require. Every problem is a {@link ErrorCode#MANIFEST_INVALID} naming the offending field.
 */
public final class ManifestParser {
    private ManifestParser() {}

    /**
     * Parses manifest bytes sent with the given Content-Type (which may be null or generic).
     *
     * @return the reading of the manifest, with the media type it must be stored and served under
     */
    public static Manifest parse(byte[] content, String contentType) {
        JsonNode root = parseObject(content);
        String mediaType = mediaTypeOf(root, MediaTypes.bare(contentType));
        requireSchemaVersion2(root);
        Descriptor subject = root.has("subject") ? descriptor(root.get("subject"), "subject") : null;
        String artifactType = optionalText(root, "artifactType");
        Map<String, String> annotations = annotations(root.get("annotations"), "annotations");
        if (MediaTypes.isIndex(mediaType)) {
            List<Descriptor> children = descriptors(root, "manifests", true);
            return new Manifest(mediaType, null, List.of(), children, subject, artifactType, annotations);
        }
        if (!root.has("config")) {
            throw invalid("config is required");
        }
        Descriptor config = descriptor(root.get("config"), "config");
        List<Descriptor> layers = descriptors(root, "layers", !MediaTypes.OCI_MANIFEST.equals(mediaType));
        return new Manifest(mediaType, config, layers, List.of(), subject, artifactType, annotations);
    }

    private static JsonNode parseObject(byte[] content) {
        JsonNode root;
        try {
            root = Json.parse(content);
        } catch (Json.InvalidJsonException e) {
            throw invalid("malformed JSON: " + e.getMessage());
        }
        if (!root.isObject()) {
            throw invalid("a manifest must be a JSON object");
        }
        return root;
    }

    private static String mediaTypeOf(JsonNode root, String header) {
        String declared = optionalText(root, "mediaType");
        if (MediaTypes.DOCKER_SCHEMA1.equals(header)
                || MediaTypes.DOCKER_SCHEMA1_SIGNED.equals(header)
                || (declared == null && root.has("fsLayers"))) {
            throw invalid("Docker image manifest schema 1 is not supported; push schema 2 or OCI");
        }
        if (declared != null && isManifestType(header) && !declared.equals(header)) {
            throw invalid("mediaType " + declared + " does not match Content-Type " + header);
        }
        String chosen = declared != null ? declared : isManifestType(header) ? header : inferred(root);
        if (chosen == null) {
            throw invalid("cannot tell the manifest type: set mediaType or a manifest Content-Type");
        }
        if (!isManifestType(chosen)) {
            throw invalid("unsupported manifest media type: " + Digest.truncate(chosen));
        }
        return chosen;
    }

    private static boolean isManifestType(String mediaType) {
        return mediaType != null && MediaTypes.MANIFESTS.contains(mediaType);
    }

    private static String inferred(JsonNode root) {
        if (root.has("manifests")) {
            return MediaTypes.OCI_INDEX;
        }
        return root.has("config") ? MediaTypes.OCI_MANIFEST : null;
    }

    private static void requireSchemaVersion2(JsonNode root) {
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.asInt() != 2) {
            throw invalid("schemaVersion must be 2");
        }
    }

    private static List<Descriptor> descriptors(JsonNode root, String field, boolean required) {
        JsonNode array = root.get(field);
        if (array == null || array.isNull()) {
            if (required) {
                throw invalid(field + " is required");
            }
            return List.of();
        }
        if (!array.isArray()) {
            throw invalid(field + " must be an array");
        }
        List<Descriptor> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            result.add(descriptor(array.get(i), field + "[" + i + "]"));
        }
        return Collections.unmodifiableList(result);
    }

    static Descriptor descriptor(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw invalid(where + " must be a descriptor object");
        }
        String mediaType = requiredText(node, "mediaType", where);
        Digest digest = descriptorDigest(node, where);
        JsonNode size = node.get("size");
        if (size == null || !size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
            throw invalid(where + ".size must be a non-negative integer");
        }
        return new Descriptor(
                mediaType,
                digest,
                size.asLong(),
                optionalText(node, "artifactType"),
                node.has("annotations") ? annotations(node.get("annotations"), where + ".annotations") : null,
                urls(node.get("urls"), where),
                platform(node.get("platform"), where));
    }

    private static Digest descriptorDigest(JsonNode node, String where) {
        String text = requiredText(node, "digest", where);
        try {
            return Digest.parse(text);
        } catch (RegistryException e) {
            throw invalid(where + ".digest: " + e.getMessage());
        }
    }

    private static List<String> urls(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw invalid(where + ".urls must be an array of strings");
        }
        List<String> urls = new ArrayList<>();
        for (JsonNode url : node) {
            if (!url.isTextual()) {
                throw invalid(where + ".urls must be an array of strings");
            }
            urls.add(url.asText());
        }
        return List.copyOf(urls);
    }

    private static Descriptor.Platform platform(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid(where + ".platform must be an object");
        }
        return new Descriptor.Platform(
                requiredText(node, "architecture", where + ".platform"),
                requiredText(node, "os", where + ".platform"),
                optionalText(node, "variant"),
                optionalText(node, "os.version"));
    }

    private static Map<String, String> annotations(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw invalid(where + " must be an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw invalid(where + "." + entry.getKey() + " must be a string");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return Collections.unmodifiableMap(map);
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw invalid(where + "." + field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return value.asText();
    }

    private static RegistryException invalid(String message) {
        return new RegistryException(ErrorCode.MANIFEST_INVALID, message);
    }
}
