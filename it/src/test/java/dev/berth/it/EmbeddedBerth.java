package dev.berth.it;

import dev.berth.core.imports.ImportService;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import dev.berth.core.tier.Tier;
import dev.berth.server.Berth;
import dev.berth.server.config.ConfigLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Berth started in-process for a test class, on 127.0.0.1 port 0 with a fresh data directory, stopped and removed
 * after the class. Register it as a static {@code @RegisterExtension} field.
 */
final class EmbeddedBerth implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> settings;
    private Path dataDir;
    private Berth berth;

    private EmbeddedBerth(Map<String, String> settings) {
        this.settings = settings;
    }

    static EmbeddedBerth create() {
        return new EmbeddedBerth(Map.of());
    }

    /** With more configuration (key paths to values) on top of the harness's own. */
    static EmbeddedBerth create(Map<String, String> settings) {
        return new EmbeddedBerth(settings);
    }

    /** With authentication on, as Berth runs by default, and {@code admin} created with this password. */
    static EmbeddedBerth withAuth(String adminPassword) {
        return create(Map.of("auth.enabled", "true", "auth.adminPassword", adminPassword));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = TempDirs.create("berth-it-data-");
        Map<String, String> overrides = new HashMap<>(Map.of(
                "server.host",
                "127.0.0.1",
                "server.port",
                "0",
                "storage.dataDir",
                dataDir.toString(),
                // these tests prove the protocol with each client; AuthEndToEndTest proves sign-in
                "auth.enabled",
                "false",
                // the test registries, receivers and upstreams all listen on loopback
                "egress.allow",
                "127.0.0.0/8,::1"));
        overrides.putAll(settings);
        berth = Berth.start(ConfigLoader.load(null, Map.of(), overrides));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (berth != null) {
                berth.close();
            }
        } finally {
            TempDirs.delete(dataDir);
        }
    }

    Path dataDir() {
        return dataDir;
    }

    /** The registry as clients name it: {@code 127.0.0.1:PORT} (the HTTPS port when plain HTTP is off). */
    String host() {
        return "127.0.0.1:" + berth.address().getPort();
    }

    /** A {@code docker://} reference for skopeo. */
    String docker(String repositoryAndTag) {
        return "docker://" + host() + "/" + repositoryAndTag;
    }

    /** The installation's import service, as the management API's importImage will call it. */
    ImportService imports() {
        return berth.imports();
    }

    /** A registry of the installation by name ({@code default} answers on the bare host). */
    RegistryRecord registry(String name) throws IOException {
        return berth.registries().find(name).orElseThrow(() -> new AssertionError("no registry " + name));
    }

    /** A new registry of the installation; it has no host of its own, so only imports reach it. */
    RegistryRecord createRegistry(String name) throws IOException {
        return berth.registries().create(name, Tier.BASIC).orElseThrow(() -> new AssertionError(name + " exists"));
    }

    RegistryClient client() {
        return new RegistryClient(URI.create("http://" + host()));
    }
}
