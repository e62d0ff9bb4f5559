package dev.berth.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.builder.runtime.ResourceLimits;
import dev.berth.core.auth.Cidr;
import dev.berth.core.egress.EgressSettings;
import dev.berth.core.installation.RegistryNames;
import dev.berth.core.runs.service.FileRunLog;
import dev.berth.core.tier.Tier;
import dev.berth.core.tier.TierCatalog;
import dev.berth.core.tier.TierLimits;
import dev.berth.tasks.build.SandboxLimits;
import dev.berth.tls.HostNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Turns the merged configuration tree into validated records, naming the key of anything wrong. */
final class ConfigBinder {
    private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s|m|h|d)");
    private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug");

    private ConfigBinder() {}

    static BerthConfig bind(JsonNode tree) {
        String level = text(tree, "log.level").toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new ConfigException("log.level must be one of " + LEVELS + ", not " + level);
        }
        Path dataDir = Path.of(text(tree, "storage.dataDir"));
        return new BerthConfig(
                server(tree, dataDir),
                new BerthConfig.Storage(dataDir),
                new BerthConfig.Uploads(duration(tree, "uploads.expiry"), duration(tree, "uploads.sweepInterval")),
                registry(tree),
                tiers(tree),
                new BerthConfig.Throttling(bool(tree, "throttling.enabled")),
                new BerthConfig.Auth(
                        bool(tree, "auth.enabled"),
                        duration(tree, "auth.accessTokenTtl"),
                        duration(tree, "auth.refreshTokenTtl"),
                        text(tree, "auth.adminPassword"),
                        cidrs(tree, "auth.trustedProxies")),
                new BerthConfig.Imports(list(tree, "imports.insecureRegistries"), duration(tree, "imports.timeout")),
                webhooks(tree),
                new BerthConfig.Events(duration(tree, "events.retention")),
                new BerthConfig.Log(level),
                new BerthConfig.Tasks(integer(tree, "tasks.agents", 0, 64), size(tree, "tasks.maxSourceSize")),
                sandbox(tree),
                runs(tree),
                egress(tree));
    }

    private static BerthConfig.Sandbox sandbox(JsonNode tree) {
        SandboxLimits limits = SandboxLimits.defaults();
        for (Tier tier : Tier.values()) {
            String prefix = "sandbox.limits." + tier.name().toLowerCase(Locale.ROOT) + ".";
            Duration cpuTime = duration(tree, prefix + "cpuTime");
            long memory = size(tree, prefix + "memory");
            long disk = size(tree, prefix + "disk");
            if (cpuTime.isZero()) {
                throw new ConfigException(prefix + "cpuTime must be more than 0");
            }
            if (memory < (4L << 20)) {
                throw new ConfigException(
                        prefix + "memory must be at least 4MiB, not " + text(tree, prefix + "memory"));
            }
            if (disk == 0) {
                throw new ConfigException(prefix + "disk must be more than 0");
            }
            limits = limits.with(
                    tier, new ResourceLimits(integer(tree, prefix + "processes", 8, 1 << 22), memory, cpuTime, disk));
        }
        int first = integer(tree, "sandbox.hostIds.first", 1, Integer.MAX_VALUE);
        int ranges = integer(tree, "sandbox.hostIds.ranges", 1, 4096);
        if ((long) first + (long) ranges * 65_536 > Integer.MAX_VALUE) {
            throw new ConfigException("sandbox.hostIds: first + ranges * 65536 must stay below 2^31");
        }
        return new BerthConfig.Sandbox(limits, first, ranges);
    }

    private static BerthConfig.Runs runs(JsonNode tree) {
        long maxLogSize = size(tree, "runs.maxLogSize");
        if (maxLogSize < FileRunLog.MIN_CAP) {
            throw new ConfigException("runs.maxLogSize must be at least " + FileRunLog.MIN_CAP + " bytes (4KiB)");
        }
        Duration retention = duration(tree, "runs.retention");
        if (retention.isZero()) {
            throw new ConfigException("runs.retention must be more than 0");
        }
        return new BerthConfig.Runs(maxLogSize, retention);
    }

    private static EgressSettings egress(JsonNode tree) {
        try {
            return EgressSettings.of(list(tree, "egress.allow"), bool(tree, "egress.refusePrivate"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("egress.allow: " + e.getMessage());
        }
    }

    private static BerthConfig.Webhooks webhooks(JsonNode tree) {
        Duration timeout = duration(tree, "webhooks.timeout");
        if (timeout.isZero()) {
            throw new ConfigException("webhooks.timeout must be more than 0");
        }
        Duration initialBackoff = duration(tree, "webhooks.initialBackoff");
        Duration maxBackoff = duration(tree, "webhooks.maxBackoff");
        if (initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new ConfigException(
                    "webhooks.initialBackoff must be more than 0 and no more than webhooks.maxBackoff");
        }
        return new BerthConfig.Webhooks(
                timeout,
                duration(tree, "webhooks.retryWindow"),
                initialBackoff,
                maxBackoff,
                duration(tree, "webhooks.historyRetention"));
    }

    private static BerthConfig.Registry registry(JsonNode tree) {
        String defaultName = text(tree, "registry.defaultName").toLowerCase(Locale.ROOT);
        RegistryNames.problem(defaultName).ifPresent(problem -> {
            throw new ConfigException("registry.defaultName: " + problem);
        });
        String domain = text(tree, "registry.domain").toLowerCase(Locale.ROOT);
        if (!domain.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
            throw new ConfigException("registry.domain must be a DNS name, not " + domain);
        }
        return new BerthConfig.Registry(defaultName, domain, integer(tree, "registry.publicPort", 0, 65535));
    }

    /** ACR's tier limits, with the storage limits the configuration sets. */
    private static TierCatalog tiers(JsonNode tree) {
        TierCatalog catalog = TierCatalog.defaults();
        for (Tier tier : Tier.values()) {
            String prefix = "tiers." + tier.name().toLowerCase(Locale.ROOT) + ".";
            TierLimits limits = catalog.limits(tier);
            long included = size(tree, prefix + "includedStorage");
            long max = size(tree, prefix + "maxStorage");
            catalog = catalog.with(
                    tier,
                    new TierLimits(
                            included,
                            max,
                            limits.webhooks(),
                            limits.tokens(),
                            limits.scopeMaps(),
                            limits.ipRules(),
                            limits.replications(),
                            limits.anonymousPull(),
                            limits.rates()));
        }
        return catalog;
    }

    private static final Pattern SIZE = Pattern.compile("([0-9]+)\\s*(B|KiB|MiB|GiB|TiB)?");

    /** A size such as {@code 10GiB}, {@code 512MiB} or a plain number of bytes. */
    private static long size(JsonNode tree, String key) {
        String text = text(tree, key);
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new ConfigException(key + " must be a size such as 10GiB, 512MiB or 1048576, not " + text);
        }
        int shift =
                switch (m.group(2) == null ? "B" : m.group(2)) {
                    case "KiB" -> 10;
                    case "MiB" -> 20;
                    case "GiB" -> 30;
                    case "TiB" -> 40;
                    default -> 0;
                };
        try {
            long value = Long.parseLong(m.group(1));
            if (value > (Long.MAX_VALUE >> shift)) {
                throw new ConfigException(key + " is too large: " + text);
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " is too large: " + text);
        }
    }

    private static BerthConfig.Server server(JsonNode tree, Path dataDir) {
        BerthConfig.Server server = new BerthConfig.Server(
                text(tree, "server.host"),
                integer(tree, "server.port", 0, 65535),
                duration(tree, "server.idleTimeout"),
                integer(tree, "server.maxHeaderBytes", 1024, 1 << 20),
                duration(tree, "server.shutdownGrace"),
                bool(tree, "server.http.enabled"),
                new BerthConfig.Tls(
                        bool(tree, "server.tls.enabled"),
                        integer(tree, "server.tls.port", 0, 65535),
                        certificate(tree, dataDir)),
                slowClients(tree));
        if (!server.httpEnabled() && !server.tls().enabled()) {
            throw new ConfigException(
                    "server.http.enabled and server.tls.enabled are both false: nothing would listen");
        }
        if (server.httpEnabled()
                && server.tls().enabled()
                && server.port() == server.tls().port()
                && server.port() != 0) {
            throw new ConfigException("server.port and server.tls.port are both " + server.port());
        }
        return server;
    }

    private static BerthConfig.SlowClients slowClients(JsonNode tree) {
        BerthConfig.SlowClients slow = new BerthConfig.SlowClients(
                duration(tree, "server.slowClients.headerTimeout"),
                size(tree, "server.slowClients.minBodyRate"),
                duration(tree, "server.slowClients.bodyGrace"));
        if (slow.headerTimeout().isZero()) {
            throw new ConfigException("server.slowClients.headerTimeout must be longer than 0");
        }
        return slow;
    }

    /** Files when both are given, else the development certificate under the data directory. */
    private static BerthConfig.Certificate certificate(JsonNode tree, Path dataDir) {
        String certFile = optionalText(tree, "server.tls.certFile");
        String keyFile = optionalText(tree, "server.tls.keyFile");
        if (certFile.isEmpty() != keyFile.isEmpty()) {
            throw new ConfigException("server.tls.certFile and server.tls.keyFile go together: set both, or neither"
                    + " for a development certificate");
        }
        if (!certFile.isEmpty()) {
            return new BerthConfig.CertificateFiles(Path.of(certFile), Path.of(keyFile));
        }
        List<String> names = list(tree, "server.tls.names");
        if (!names.isEmpty()) {
            try {
                new HostNames(names);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("server.tls.names: " + e.getMessage());
            }
        }
        return new BerthConfig.DevelopmentCertificate(dataDir.resolve("keys").resolve("tls"), names);
    }

    private static String text(JsonNode tree, String key) {
        JsonNode node = node(tree, key);
        if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
            throw new ConfigException(key + " must be set");
        }
        return node.asText().trim();
    }

    private static String optionalText(JsonNode tree, String key) {
        JsonNode node = node(tree, key);
        return node.isMissingNode() || node.isNull() ? "" : node.asText().trim();
    }

    /** A YAML list, or one string of comma-separated items (as environment variables and flags give it). */
    private static List<Cidr> cidrs(JsonNode tree, String key) {
        List<Cidr> ranges = new java.util.ArrayList<>();
        for (String entry : list(tree, key)) {
            try {
                ranges.add(Cidr.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + ": " + e.getMessage());
            }
        }
        return List.copyOf(ranges);
    }

    private static List<String> list(JsonNode tree, String key) {
        JsonNode node = node(tree, key);
        if (node.isObject()) {
            throw new ConfigException(key + " must be a list");
        }
        Stream<String> items = node.isArray()
                ? node.valueStream().map(JsonNode::asText)
                : Arrays.stream(optionalText(tree, key).split(","));
        return items.map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static JsonNode node(JsonNode tree, String key) {
        return tree.at("/" + key.replace('.', '/'));
    }

    private static int integer(JsonNode tree, String key, int min, int max) {
        String text = text(tree, key);
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
