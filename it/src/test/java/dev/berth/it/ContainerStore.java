package dev.berth.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A containers storage of a test's own (vfs, with its own root, run root and temporary directory), and podman and
 * buildah bound to it, so tests never share images or containers. Afterwards the containers and images are removed
 * through the tools that made them (which frees podman's locks in the shared {@code /dev/shm/libpod_lock}) and the
 * directory is deleted, since vfs copies every layer in full. Register it as an instance {@code @RegisterExtension}.
 */
final class ContainerStore implements BeforeEachCallback, AfterEachCallback {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private Path dir;
    private boolean podmanUsed;
    private boolean buildahUsed;
    private HostsFile hosts;

    static ContainerStore create() {
        return new ContainerStore();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = TempDirs.create("berth-it-store-");
        Files.createDirectories(dir.resolve("tmp"));
        podmanUsed = false;
        buildahUsed = false;
        hosts = null;
    }

    /** Makes the names (login servers such as {@code alpha.localhost}) resolve to loopback for podman and buildah. */
    ContainerStore resolving(String... names) throws java.io.IOException {
        hosts = HostsFile.resolving(dir, List.of(names));
        return this;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (podmanUsed) {
                Command.attempt(podmanCommand("rm", "-a", "-f"), env(), TIMEOUT);
                Command.attempt(podmanCommand("rmi", "-a", "-f"), env(), TIMEOUT);
            }
            if (buildahUsed) {
                Command.attempt(buildahCommand("rm", "-a"), env(), TIMEOUT);
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** Runs podman on this store; fails with its output unless it succeeds. */
    Command.Result podman(String... args) {
        podmanUsed = true;
        return Command.run(podmanCommand(args), env(), TIMEOUT);
    }

    /** Runs podman on this store and returns however it ended. */
    Command.Result podmanAttempt(String... args) {
        podmanUsed = true;
        return Command.attempt(podmanCommand(args), env(), TIMEOUT);
    }

    /** Runs buildah on this store; fails with its output unless it succeeds. */
    Command.Result buildah(String... args) {
        buildahUsed = true;
        return Command.run(buildahCommand(args), env(), TIMEOUT);
    }

    private List<String> podmanCommand(String... args) {
        return command("podman", List.of("--tmpdir", dir.resolve("tmp").toString()), args);
    }

    private List<String> buildahCommand(String... args) {
        return command("buildah", List.of(), args);
    }

    private List<String> command(String tool, List<String> extraGlobals, String... args) {
        List<String> command = new ArrayList<>(List.of(
                tool,
                "--root",
                dir.resolve("root").toString(),
                "--runroot",
                dir.resolve("run").toString(),
                "--storage-driver",
                "vfs"));
        command.addAll(extraGlobals);
        command.addAll(List.of(args));
        return hosts == null ? command : hosts.wrap(command);
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(ContainersEnv.variables());
        env.put("TMPDIR", dir.resolve("tmp").toString());
        return env;
    }
}
