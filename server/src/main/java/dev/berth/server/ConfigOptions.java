package dev.berth.server;

import dev.berth.server.config.BerthConfig;
import dev.berth.server.config.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command that reads the configuration shares. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
    Path config;

    @Option(names = "--port", description = "HTTP port (default 5000).")
    Integer port;

    @Option(names = "--host", description = "Address to listen on (default 0.0.0.0).")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the data lives (default ./berth-data).")
    Path dataDir;

    BerthConfig load() {
        Map<String, String> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("server.port", port.toString());
        }
        if (host != null) {
            overrides.put("server.host", host);
        }
        if (dataDir != null) {
            overrides.put("storage.dataDir", dataDir.toString());
        }
        return ConfigLoader.load(config, System.getenv(), overrides);
    }
}
