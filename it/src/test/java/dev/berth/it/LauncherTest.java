package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/berth} as a user runs it, from a copy of the project's launcher and jar (no sources, so it never
 * builds): client commands train the JVM's ahead-of-time cache in the background after a build, then start from
 * it; and a command still works, printing only its own output, when the cache is broken or gone.
 */
class LauncherTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Duration TRAINING = Duration.ofMinutes(10);
    private static final String VERSION = "berth 0.1.0\n";

    @TempDir
    Path root;

    private Path cache;

    @BeforeEach
    void copyTheLauncherAndTheJar() throws IOException {
        Path project = Path.of("..").toAbsolutePath().normalize();
        copy(project.resolve("bin/berth"), root.resolve("bin/berth"));
        copy(project.resolve("scripts/lib/java.sh"), root.resolve("scripts/lib/java.sh"));
        copy(BerthProcess.jar(), root.resolve("server/target/berth.jar"));
        Files.setPosixFilePermissions(root.resolve("bin/berth"), PosixFilePermissions.fromString("rwxr-xr-x"));
        cache = root.resolve("server/target/berth-client.aot");
    }

    @Test
    void clientCommandsStartFromTheCacheTrainedAfterABuildAndWorkWithoutIt() throws Exception {
        CompletableFuture<Command.Result> other = CompletableFuture.supplyAsync(() -> berth(Map.of()));
        assertPrintsOnlyTheVersion(berth(Map.of()));
        assertPrintsOnlyTheVersion(other.get());
        awaitCache();

        Path classes = root.resolve("classes.log");
        assertPrintsOnlyTheVersion(berth(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classes)));
        assertTrue(
                Files.readString(classes).contains("dev.berth.server.Main source: shared objects file"),
                "the command's classes come from the cache");

        Files.write(cache, new byte[4096]);
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().plusSeconds(60)));
        assertPrintsOnlyTheVersion(berth(Map.of()));

        Files.delete(cache);
        assertPrintsOnlyTheVersion(berth(Map.of()));
        awaitCache();
        assertFalse(Files.exists(root.resolve("server/target/berth-client.aot.failed")));
    }

    private Command.Result berth(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        return Command.run(List.of(root.resolve("bin/berth").toString(), "--version"), all, TIMEOUT);
    }

    private static void assertPrintsOnlyTheVersion(Command.Result result) {
        assertEquals(VERSION, result.out(), result::describe);
        assertFalse(result.stderr().contains("aot") || result.stderr().contains("AOT"), result::describe);
    }

    private void awaitCache() throws InterruptedException {
        Instant deadline = Instant.now().plus(TRAINING);
        while (!Files.exists(cache) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertTrue(Files.exists(cache), "no cache after " + TRAINING);
        while (Files.exists(root.resolve("server/target/berth-client.aot.lock"))
                && hasTrainingFiles()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
    }

    private boolean hasTrainingFiles() {
        try (var files = Files.list(root.resolve("server/target"))) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }
}
