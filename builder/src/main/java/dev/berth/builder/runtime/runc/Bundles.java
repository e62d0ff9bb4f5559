package dev.berth.builder.runtime.runc;

import dev.berth.builder.layer.Trees;
import dev.berth.builder.runtime.runc.RuncOptions.HostIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Private directories for runc: the state root and one bundle per run, mode 0700 and owned by the user runc runs as,
 * all under the runtime's work directory (never inside a root filesystem).
 */
public final class Bundles {

    private Bundles() {}

    /** Creates (if missing) a private directory, handed to {@code owner} when runc runs as someone else. */
    public static Path privateDirectory(Path dir, Optional<HostIdentity> owner) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (owner.isPresent()) {
            Files.setAttribute(dir, "unix:uid", owner.get().uid());
            Files.setAttribute(dir, "unix:gid", owner.get().gid());
        }
        return dir;
    }

    /** Deletes a directory tree without following symbolic links; a missing one is fine. */
    public static void deleteRecursively(Path dir) throws IOException {
        Trees.delete(dir);
    }
}
