package dev.berth.builder.runtime.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One user namespace per host id range, held open by a file descriptor for the life of the JVM, for {@link
 * IdMappedMounts} to shift a root filesystem's owners by. Each is made once: a short-lived {@code unshare --user}
 * process whose maps this (root) process writes, whose namespace is opened before it is killed.
 */
final class MappingNamespaces {
    private static final Map<HostIdRange, Integer> OPEN = new ConcurrentHashMap<>();

    private MappingNamespaces() {}

    /** A descriptor of a user namespace mapping container ids to {@code range}. */
    static int of(HostIdRange range) throws IOException {
        Integer fd = OPEN.get(range);
        if (fd != null) {
            return fd;
        }
        synchronized (OPEN) {
            fd = OPEN.get(range);
            if (fd == null) {
                fd = create(range);
                OPEN.put(range, fd);
            }
            return fd;
        }
    }

    private static int create(HostIdRange range) throws IOException {
        Process holder = new ProcessBuilder("unshare", "--user", "sleep", "30")
                .redirectErrorStream(true)
                .start();
        try {
            Path proc = Path.of("/proc", Long.toString(holder.pid()));
            awaitOwnNamespace(proc.resolve("ns/user"));
            Files.writeString(proc.resolve("uid_map"), range.mapLine());
            Files.writeString(proc.resolve("gid_map"), range.mapLine());
            return LinuxCalls.open(proc.resolve("ns/user"));
        } finally {
            holder.destroyForcibly();
        }
    }

    /** Waits until {@code unshare} has entered its new namespace (its link differs from ours). */
    private static void awaitOwnNamespace(Path namespace) throws IOException {
        Path ours = Files.readSymbolicLink(Path.of("/proc/self/ns/user"));
        for (int attempt = 0; attempt < 500; attempt++) {
            if (Files.exists(namespace) && !Files.readSymbolicLink(namespace).equals(ours)) {
                return;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while making a user namespace", e);
            }
        }
        throw new IOException("unshare --user did not make a user namespace");
    }
}
