package dev.berth.server.cli;

import dev.berth.server.Berth;
import dev.berth.server.config.ConfigLoader;
import dev.berth.tasks.NoExecutor;
import dev.berth.tasks.RunExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Berth in-process for a test class: 127.0.0.1, port 0, a fresh data directory, authentication on, {@code admin}
 * with {@link #ADMIN_PASSWORD}. Register it as a static {@code @RegisterExtension} field.
 */
final class RunningBerth implements BeforeAllCallback, AfterAllCallback {
    static final String ADMIN_PASSWORD = "admin-password-for-cli-tests";

    private final Map<String, String> settings;
    private final RunExecutor executor;
    private Path dataDir;
    private Berth berth;

    RunningBerth() {
        this(Map.of());
    }

    /** With more configuration (key paths to values) on top of the harness's own. */
    RunningBerth(Map<String, String> settings) {
        this(settings, new NoExecutor());
    }

    /** With more configuration, its agents carrying out runs with the executor. */
    RunningBerth(Map<String, String> settings, RunExecutor executor) {
        this.settings = Map.copyOf(settings);
        this.executor = executor;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("berth-cli-test-");
        Map<String, String> overrides = new HashMap<>(Map.of(
                "server.host", "127.0.0.1",
                "server.port", "0",
                "storage.dataDir", dataDir.toString(),
                "auth.enabled", "true",
                "auth.adminPassword", ADMIN_PASSWORD,
                "egress.allow", "127.0.0.0/8,::1"));
        overrides.putAll(settings);
        berth = Berth.start(ConfigLoader.load(null, Map.of(), overrides), executor);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (berth != null) {
                berth.close();
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** {@code 127.0.0.1:PORT}. */
    String address() {
        return "127.0.0.1:" + berth.address().getPort();
    }

    int port() {
        return berth.address().getPort();
    }

    /** The CLI signed in as the administrator through {@code BERTH_SERVER}, {@code BERTH_USERNAME}, ... */
    Cli cli() {
        return Cli.signedIn("http://" + address(), "admin", ADMIN_PASSWORD);
    }
}
