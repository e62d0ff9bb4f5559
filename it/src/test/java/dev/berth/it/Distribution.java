package dev.berth.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * CNCF Distribution ({@code docker-registry serve}, from the Debian package that {@code scripts/install-test-deps}
 * installs) on a loopback port with storage in a temporary directory, for a test class; configured from {@code
 * scripts/distribution-config.yml.tmpl} as docs/real-clients.md describes. Register it as a static
 * {@code @RegisterExtension} field.
 */
final class Distribution implements BeforeAllCallback, AfterAllCallback {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private Path dir;
    private Process process;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ContainersEnv.variables(); // runs scripts/install-test-deps, which installs docker-registry, if need be
        dir = TempDirs.create("berth-it-distribution-");
        port = freePort();
        Path config = dir.resolve("config.yml");
        Path template = Path.of(System.getProperty("berth.scripts", "../scripts"), "distribution-config.yml.tmpl");
        Files.writeString(
                config,
                Files.readString(template)
                        .replace("@ROOT@", dir.resolve("storage").toString())
                        .replace("@ADDR@", "127.0.0.1:" + port));
        ProcessBuilder builder = new ProcessBuilder(List.of("docker-registry", "serve", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile());
        // a containers auth-file variable that Distribution would read as its own configuration
        builder.environment().remove("REGISTRY_AUTH_FILE");
        process = builder.start();
        awaitReady();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** {@code 127.0.0.1:PORT}, as clients name it. */
    String host() {
        return "127.0.0.1:" + port;
    }

    /** A {@code docker://} reference for skopeo. */
    String docker(String repositoryAndTag) {
        return "docker://" + host() + "/" + repositoryAndTag;
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest ping = HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("docker-registry exited: " + log());
                }
                try {
                    if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("docker-registry did not answer within " + START_TIMEOUT + ": " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("registry.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
