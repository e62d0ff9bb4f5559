package dev.berth.cli.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold credentials: written atomically (a temporary file of mode 0600 beside the target, flushed to disk,
 * renamed over it), so a reader never sees half a file and no one else can read it. A symbolic link is followed and
 * stays a link; a missing directory is created with mode 0700.
 */
public final class PrivateFiles {
    private static final FileAttribute<?> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<?> OWNER_ONLY_DIRECTORY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private PrivateFiles() {}

    public static void write(Path path, byte[] content) throws IOException {
        Path target = Files.isSymbolicLink(path) ? path.toRealPath() : path.toAbsolutePath();
        Path directory = target.getParent();
        boolean posix = isPosix(directory);
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory, OWNER_ONLY_DIRECTORY);
            } else {
                Files.createDirectories(directory);
            }
        }
        String prefix = "." + target.getFileName() + ".";
        Path temp = posix
                ? Files.createTempFile(directory, prefix, ".tmp", OWNER_ONLY_FILE)
                : Files.createTempFile(directory, prefix, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Whether only the owner may read and write the file (always true where there are no POSIX permissions). */
    public static boolean isOwnerOnly(Path path) throws IOException {
        if (!isPosix(path)) {
            return true;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        return permissions.stream()
                .noneMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
