package dev.berth.builder.runtime.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The directories the id-mapped mounts of running containers hang on ({@link RuncOptions#mountRoot()}). They are
 * removed one entry at a time and only when empty, never recursively: a mount left behind is then never walked into
 * (which would delete a root filesystem through it).
 */
final class MountPoints {

    private MountPoints() {}

    /** Creates the mount root, each new directory searchable by others (mode 0711), so containers can reach it. */
    static void createRoot(Path mountRoot) throws IOException {
        Path absolute = mountRoot.toAbsolutePath();
        for (int depth = 1; depth <= absolute.getNameCount(); depth++) {
            Path dir = absolute.getRoot().resolve(absolute.subpath(0, depth));
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            }
        }
    }

    /** An empty directory (or, for a file bind, an empty file) to mount on. */
    static Path create(Path target, boolean file) throws IOException {
        Files.createDirectories(target.getParent());
        return file ? Files.createFile(target) : Files.createDirectory(target);
    }

    /** Deletes {@code dir}'s direct entries and then {@code dir}, each only if empty; quiet, for clean-up paths. */
    static void removeEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(MountPoints::deleteIfEmpty);
        } catch (IOException e) {
            // already gone
        }
        deleteIfEmpty(dir);
    }

    private static void deleteIfEmpty(Path path) {
        try {
            if (!Files.isRegularFile(path) || Files.size(path) == 0) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // not empty, or still a mount point: left for the operator rather than walked into
        }
    }
}
