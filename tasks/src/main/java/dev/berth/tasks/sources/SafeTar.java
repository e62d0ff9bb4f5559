package dev.berth.tasks.sources;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Extracts a tar (gzip-compressed or not) into a directory so that nothing lands outside it: entries whose path
 * leaves the directory are refused, as are writes through a symbolic link; hard links are copied if their target
 * is inside; devices and fifos are skipped. Permission bits are kept, owners are not.
 */
final class SafeTar {
    private SafeTar() {}

    static void extract(InputStream archive, Path dir) throws IOException {
        Path root = Files.createDirectories(dir).toRealPath();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(archive))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                extractEntry(tar, entry, root);
            }
        } catch (IOException e) {
            throw e instanceof SourceException
                    ? e
                    : new SourceException("the source archive is not a valid tar.gz: " + e.getMessage(), e);
        }
    }

    private static InputStream decompressed(InputStream archive) throws IOException {
        BufferedInputStream in = new BufferedInputStream(archive);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GzipCompressorInputStream(in, true) : in;
    }

    private static void extractEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path target = inside(root, entry.getName());
        if (target.equals(root)) {
            return;
        }
        checkParents(root, target);
        if (entry.isDirectory()) {
            Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            Path source = inside(root, entry.getLinkName());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        } else if (entry.isFile()) {
            Files.deleteIfExists(target);
            Files.copy(tar, target);
            permissions(target, entry.getMode());
        }
    }

    private static Path inside(Path root, String name) throws SourceException {
        Path target =
                root.resolve(name.startsWith("/") ? name.substring(1) : name).normalize();
        if (!target.startsWith(root)) {
            throw new SourceException("the source archive holds a path outside its root: " + name);
        }
        return target;
    }

    /** Creates the parent directories, refusing any that is a symbolic link: a write through it could escape. */
    private static void checkParents(Path root, Path target) throws IOException {
        Path parent = target.getParent();
        for (Path p = parent; p != null && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new SourceException(
                        "the source archive writes through a symbolic link: " + root.relativize(target));
            }
        }
        Files.createDirectories(parent);
    }

    private static void permissions(Path file, int mode) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values();
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        permissions.add(PosixFilePermission.OWNER_READ);
        permissions.add(PosixFilePermission.OWNER_WRITE);
        Files.setPosixFilePermissions(file, permissions);
    }
}
