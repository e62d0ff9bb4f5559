package dev.berth.builder.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A JVM stopped (SIGTERM) in the middle of a run leaves no container, bundle or runc state behind. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RuncShutdownTest {

    @TempDir
    Path temp;

    @Test
    void aJvmStoppedMidRunKillsItsContainerAndRemovesItsFiles() throws Exception {
        Path rootfs = BusyboxRootfs.create(temp.resolve("rootfs"));
        Path workDir = temp.resolve("runc");
        Process jvm = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SleepingRun.class.getName(),
                        rootfs.toString(),
                        workDir.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("started", output.readLine());
        assertEquals(1, children(workDir.resolve("state")).size());
        assertTrue(ProcessHandle.allProcesses()
                .anyMatch(p -> p.info().commandLine().orElse("").contains("7654321")));

        jvm.destroy();

        assertTrue(jvm.waitFor(30, TimeUnit.SECONDS));
        assertEquals(List.of(), children(workDir.resolve("bundles")));
        assertEquals(List.of(), children(workDir.resolve("state")));
        assertTrue(
                ProcessHandle.allProcesses()
                        .noneMatch(p -> p.info().commandLine().orElse("").contains("7654321")),
                "the container's process is still running");
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }
}
