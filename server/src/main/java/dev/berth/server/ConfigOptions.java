package dev.berth.server;

import dev.berth.server.config.BerthConfig;
import dev.berth.server.config.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command that reads the configuration shares; they override the configuration keys they name. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
    Path config;

    @Option(names = "--port", description = "HTTP port (default 5000).")
    Integer port;

    @Option(names = "--host", description = "Address to listen on (default 0.0.0.0).")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the data lives (default ./berth-data).")
    Path dataDir;

    @Option(
            names = "--tls",
            description = "Serve HTTPS, with a development certificate from a certificate authority Berth makes on"
                    + " first start under DIR/keys/tls.")
    boolean tls;

    @Option(
            names = "--tls-cert",
            paramLabel = "FILE",
            description =
                    "Serve HTTPS with this PEM certificate chain (the server's certificate first); needs --tls-key.")
    Path tlsCert;

    @Option(
            names = "--tls-key",
            paramLabel = "FILE",
            description = "The PEM private key of --tls-cert: PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted.")
    Path tlsKey;

    @Option(names = "--tls-port", paramLabel = "PORT", description = "HTTPS port (default 5443).")
    Integer tlsPort;

    @Option(
            names = "--tls-name",
            paramLabel = "NAME",
            split = ",",
            description = "A host name or IP address the development certificate covers; repeat for more (default:"
                    + " localhost, 127.0.0.1, ::1 and this machine's hostname).")
    List<String> tlsNames;

    @Option(names = "--no-http", description = "Serve no plain HTTP at all, only HTTPS.")
    boolean noHttp;

    BerthConfig load() {
        Map<String, String> overrides = new HashMap<>();
        put(overrides, "server.port", port);
        put(overrides, "server.host", host);
        put(overrides, "storage.dataDir", dataDir);
        if (tls || tlsCert != null || tlsKey != null) {
            overrides.put("server.tls.enabled", "true");
        }
        put(overrides, "server.tls.certFile", tlsCert);
        put(overrides, "server.tls.keyFile", tlsKey);
        put(overrides, "server.tls.port", tlsPort);
        put(overrides, "server.tls.names", tlsNames == null ? null : String.join(",", tlsNames));
        if (noHttp) {
            overrides.put("server.http.enabled", "false");
        }
        return ConfigLoader.load(config, System.getenv(), overrides);
    }

    private static void put(Map<String, String> overrides, String key, Object value) {
        if (value != null) {
            overrides.put(key, value.toString());
        }
    }
}
