package dev.berth.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes registry login servers such as {@code alpha.localhost} resolve to loopback for one client command, without
 * touching the machine's {@code /etc/hosts}: the command runs in a mount namespace of its own where a hosts file of
 * the test's is bound over {@code /etc/hosts}. Go clients (podman, skopeo) resolve through that file.
 */
final class HostsFile {
    private final Path file;

    private HostsFile(Path file) {
        this.file = file;
    }

    /** A hosts file naming loopback for localhost and each of the names. */
    static HostsFile resolving(Path dir, List<String> names) throws IOException {
        Path file = dir.resolve("hosts");
        String line = "127.0.0.1 localhost " + String.join(" ", names) + "\n::1 localhost\n";
        Files.writeString(file, line);
        return new HostsFile(file);
    }

    /** The command, run where the names resolve. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of(
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "sh",
                "-c",
                "mount --bind \"$0\" /etc/hosts && exec \"$@\"",
                file.toString()));
        wrapped.addAll(command);
        return wrapped;
    }
}
