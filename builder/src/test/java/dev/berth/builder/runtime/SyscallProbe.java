package dev.berth.builder.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * A static binary ({@code sandbox/syscall-probe.c}, built with the host's {@code gcc -static} once per JVM) that
 * calls one system call by name and prints {@code ok} or the error, for checking the seccomp filter from inside.
 */
public final class SyscallProbe {
    private static Path built;

    private SyscallProbe() {}

    /** Whether the host can build it. */
    public static boolean available() {
        try {
            return binary() != null;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Copies the probe to {@code /bin/syscall-probe} in {@code rootfs}. */
    public static void install(Path rootfs) throws IOException, InterruptedException {
        Path target = rootfs.resolve("bin/syscall-probe");
        Files.copy(binary(), target, StandardCopyOption.REPLACE_EXISTING);
        target.toFile().setExecutable(true, false);
    }

    private static synchronized Path binary() throws IOException, InterruptedException {
        if (built == null) {
            Path dir = Files.createTempDirectory("syscall-probe");
            Path source = dir.resolve("probe.c");
            try (InputStream in = SyscallProbe.class.getResourceAsStream("/sandbox/syscall-probe.c")) {
                Files.copy(in, source);
            }
            Path binary = dir.resolve("syscall-probe");
            Process gcc = new ProcessBuilder("gcc", "-static", "-O2", "-o", binary.toString(), source.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
                return null;
            }
            built = binary;
        }
        return built;
    }
}
