package dev.berth.builder.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A minimal root filesystem for runtime tests: the static busybox from the host ({@code busybox-static}), a symlink
 * in {@code /bin} per applet, an {@code /etc/passwd} and {@code /etc/group} with a user {@code app} (1000:1000, also in
 * group {@code staff}, 50), and a world-writable {@code /tmp}. No {@code /proc}, {@code /dev} or {@code /sys}, like a
 * {@code FROM scratch} image.
 */
public final class BusyboxRootfs {

    public static final Path HOST_BUSYBOX = Path.of("/bin/busybox");

    private BusyboxRootfs() {}

    public static Path create(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(HOST_BUSYBOX, bin.resolve("busybox"));
        for (String applet : applets()) {
            Path link = bin.resolve(applet);
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, Path.of("busybox"));
            }
        }
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), """
                root:x:0:0:root:/root:/bin/sh
                app:x:1000:1000:app:/home/app:/bin/sh
                """);
        Files.writeString(etc.resolve("group"), """
                root:x:0:
                staff:x:50:app
                app:x:1000:
                """);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }

    private static List<String> applets() throws IOException {
        Process list = new ProcessBuilder(HOST_BUSYBOX.toString(), "--list").start();
        String output = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return output.lines().filter(s -> !s.isBlank() && !s.contains("/")).toList();
    }
}
