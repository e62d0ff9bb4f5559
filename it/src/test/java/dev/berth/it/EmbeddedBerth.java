package dev.berth.it;

import dev.berth.server.Berth;
import dev.berth.server.config.ConfigLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Berth started in-process for a test class, on 127.0.0.1 port 0 with a fresh data directory, stopped and removed
 * after the class. Register it as a static {@code @RegisterExtension} field.
 */
final class EmbeddedBerth implements BeforeAllCallback, AfterAllCallback {
    private Path dataDir;
    private Berth berth;

    static EmbeddedBerth create() {
        return new EmbeddedBerth();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = TempDirs.create("berth-it-data-");
        berth = Berth.start(ConfigLoader.load(
                null,
                Map.of(),
                Map.of(
                        "server.host",
                        "127.0.0.1",
                        "server.port",
                        "0",
                        "storage.dataDir",
                        dataDir.toString(),
                        // these tests prove the protocol with each client; AuthEndToEndTest proves sign-in
                        "auth.enabled",
                        "false")));
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

    /** The registry as clients name it: {@code 127.0.0.1:PORT}. */
    String host() {
        return "127.0.0.1:" + berth.address().getPort();
    }

    /** A {@code docker://} reference for skopeo. */
    String docker(String repositoryAndTag) {
        return "docker://" + host() + "/" + repositoryAndTag;
    }

    RegistryClient client() {
        return new RegistryClient(URI.create("http://" + host()));
    }
}
