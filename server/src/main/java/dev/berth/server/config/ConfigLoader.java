package dev.berth.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds the configuration from, in rising order of precedence: the built-in defaults, a YAML file, {@code BERTH_*}
 * environment variables, and overrides from the command line. Keys not in the defaults are refused, so a typo is an
 * error rather than a silently ignored setting.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The variable the issue and the README name for the administrator's first password. */
    static final String ADMIN_PASSWORD_ENV = "BERTH_ADMIN_PASSWORD";

    private ConfigLoader() {}

    /**
     * @param file an optional YAML file
     * @param env the environment to read {@code BERTH_*} variables from
     * @param overrides key paths ({@code server.port}) to values, from the command line
     */
    public static BerthConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        ObjectNode tree = defaults();
        if (file != null) {
            merge(tree, readFile(file), "");
        }
        for (String key : leafKeys(tree, "")) {
            String value = env.get(envName(key));
            if (value != null) {
                set(tree, key, value);
            }
        }
        if (env.get(ADMIN_PASSWORD_ENV) != null && !env.get(ADMIN_PASSWORD_ENV).isEmpty()) {
            set(tree, "auth.adminPassword", env.get(ADMIN_PASSWORD_ENV));
        }
        overrides.forEach((key, value) -> set(tree, key, value));
        return ConfigBinder.bind(tree);
    }

    /** The environment variable that sets a key path: {@code storage.dataDir} becomes BERTH_STORAGE_DATA_DIR. */
    public static String envName(String key) {
        return "BERTH_"
                + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase();
    }

    private static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/berth-defaults.yml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("built-in defaults unreadable", e);
        }
    }

    private static JsonNode readFile(Path file) {
        try {
            JsonNode node = YAML.readTree(Files.readAllBytes(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(file + ": the configuration must be a YAML mapping");
            }
            return node;
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration " + file + ": " + e.getMessage());
        }
    }

    private static void merge(ObjectNode target, JsonNode source, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = prefix + entry.getKey();
            JsonNode existing = target.get(entry.getKey());
            if (existing == null) {
                throw new ConfigException("unknown configuration key: " + key);
            }
            if (existing.isObject()) {
                if (!entry.getValue().isObject()) {
                    throw new ConfigException(key + " must be a mapping");
                }
                merge((ObjectNode) existing, entry.getValue(), key + ".");
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private static List<String> leafKeys(JsonNode node, String prefix) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getValue().isObject()) {
                keys.addAll(leafKeys(entry.getValue(), prefix + entry.getKey() + "."));
            } else {
                keys.add(prefix + entry.getKey());
            }
        }
        return keys;
    }

    private static void set(ObjectNode tree, String key, String value) {
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode object)) {
                throw new ConfigException("unknown configuration key: " + key);
            }
            node = object;
        }
        if (!node.has(parts[parts.length - 1])) {
            throw new ConfigException("unknown configuration key: " + key);
        }
        node.put(parts[parts.length - 1], value);
    }
}
