package dev.berth.builder.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.builder.image.BlobDirectory;
import dev.berth.core.json.Json;
import dev.berth.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole build as an ordinary user (uid 65534, in a JVM of its own started through {@code setpriv}): runc runs
 * rootless in a user namespace, the base is unpacked without chown, and what RUN wrote as root inside is recorded as
 * root's in the layer, not as the host user's.
 */
class RootlessBuildTest {
    private static final int NOBODY = 65534;

    @TempDir
    Path temp;

    @Test
    void anOrdinaryUserBuildsWithRootlessRunc() throws Exception {
        assumeTrue(isRoot() && onPath("setpriv"), "needs root to start the build as another user, and setpriv");
        Path work = Files.createDirectories(temp.resolve("rootless"));
        Path layout = copyTree(BusyboxLayout.path(), work.resolve("layout"));
        Path context = Files.createDirectories(work.resolve("context"));
        Files.writeString(context.resolve("note.txt"), "copied\n");
        Files.writeString(context.resolve("Dockerfile"), """
                FROM registry.test/busybox
                RUN mkdir /data && echo rootless > /data/hello && id -u > /data/uid
                COPY note.txt /data/
                """);
        Path state = Files.createDirectories(work.resolve("state"));
        Path classpath = copyClasspath(work.resolve("classpath"));
        run(List.of("chown", "-R", NOBODY + ":" + NOBODY, work.toString()));
        run(List.of("chmod", "755", temp.toString()));

        Path out = work.resolve("out.txt");
        List<String> command = new ArrayList<>(List.of(
                "setpriv",
                "--reuid=" + NOBODY,
                "--regid=" + NOBODY,
                "--clear-groups",
                "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classpath + "/*:" + classpath + "/dirs/*",
                RootlessBuild.class.getName(),
                layout.toString(),
                context.toString(),
                state.toString(),
                out.toString()));
        String log = run(command);

        Map<String, Integer> owners =
                owners(new BlobDirectory(state.resolve("layout")), Digest.parse(Files.readString(out)));
        assertTrue(log.contains("RUN mkdir /data") && log.contains("writing image"), log);
        assertEquals(0, owners.get("data/hello"), log);
        assertEquals(0, owners.get("data/uid"), log);
        assertEquals(0, owners.get("data/note.txt"), log);
    }

    /** Every file of the image's layers above the base, by path, with its owner. */
    private static Map<String, Integer> owners(BlobDirectory blobs, Digest manifestDigest) throws IOException {
        JsonNode manifest = Json.parse(blobs.read(manifestDigest));
        Map<String, Integer> owners = new HashMap<>();
        JsonNode layers = manifest.path("layers");
        for (int i = 1; i < layers.size(); i++) {
            Digest digest = Digest.parse(layers.get(i).path("digest").asText());
            try (InputStream in = new GZIPInputStream(blobs.open(digest));
                    TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                    owners.put(entry.getName().replaceAll("^\\./|/$", ""), (int) entry.getLongUserId());
                }
            }
        }
        return owners;
    }

    /** The test's class path, copied where the other user can read it: jars flat, directories as jars' peers. */
    private static Path copyClasspath(Path target) throws IOException, InterruptedException {
        Files.createDirectories(target.resolve("dirs"));
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path source = Path.of(entry);
            if (Files.isDirectory(source)) {
                Path jar = target.resolve("dirs").resolve("dir-" + (n++) + ".jar");
                run(List.of("jar", "--create", "--file", jar.toString(), "-C", source.toString(), "."));
            } else if (Files.isRegularFile(source)) {
                Files.copy(
                        source,
                        target.resolve((n++) + "-" + source.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    private static Path copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static boolean isRoot() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
