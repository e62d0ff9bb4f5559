package dev.berth.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the merged configuration tree into validated records, naming the key of anything wrong. */
final class ConfigBinder {
    private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m|h|d)");
    private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug");

    private ConfigBinder() {}

    static BerthConfig bind(JsonNode tree) {
        JsonNode server = tree.get("server");
        JsonNode uploads = tree.get("uploads");
        String level = text(tree, "log.level").toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new ConfigException("log.level must be one of " + LEVELS + ", not " + level);
        }
        return new BerthConfig(
                new BerthConfig.Server(
                        text(tree, "server.host"),
                        integer(server, "port", "server.port", 0, 65535),
                        duration(tree, "server.idleTimeout"),
                        integer(server, "maxHeaderBytes", "server.maxHeaderBytes", 1024, 1 << 20),
                        duration(tree, "server.shutdownGrace")),
                new BerthConfig.Storage(Path.of(text(tree, "storage.dataDir"))),
                new BerthConfig.Uploads(duration(tree, "uploads.expiry"), duration(tree, "uploads.sweepInterval")),
                new BerthConfig.Registry(text(tree, "registry.defaultName")),
                new BerthConfig.Auth(
                        bool(tree, "auth.enabled"),
                        duration(tree, "auth.accessTokenTtl"),
                        duration(tree, "auth.refreshTokenTtl"),
                        text(tree, "auth.adminPassword")),
                new BerthConfig.Log(level));
    }

    private static String text(JsonNode tree, String key) {
        JsonNode node = tree.at("/" + key.replace('.', '/'));
        if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
            throw new ConfigException(key + " must be set");
        }
        return node.asText().trim();
    }

    private static int integer(JsonNode section, String field, String key, int min, int max) {
        String text = section.get(field).asText().trim();
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new ConfigException(key + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, not " + text);
        }
    }

    private static boolean bool(JsonNode tree, String key) {
        String text = text(tree, key).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(key + " must be true or false, not " + text);
        };
    }

    static Duration duration(JsonNode tree, String key) {
        String text = text(tree, key);
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new ConfigException(key + " must be a duration such as 500ms, 30s, 10m, 24h or 7d, not " + text);
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
