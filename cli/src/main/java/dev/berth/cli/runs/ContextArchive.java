package dev.berth.cli.runs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A local build context packed into a tar.gz: the files the filter leaves in, in name order, with their permission
 * bits; symbolic links as links, never followed. The Dockerfile and {@code .dockerignore} always go, as with docker.
 */
final class ContextArchive {
    private ContextArchive() {}

    /** Packs the context into the target file; answers how many files went. */
    static int pack(Path context, ContextFilter filter, List<String> alwaysSent, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(context)) {
            files = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> sent(context, p, filter, alwaysSent))
                    .sorted()
                    .toList();
        }
        try (OutputStream out = Files.newOutputStream(target);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path file : files) {
                add(tar, file, name(context, file));
            }
        }
        return files.size();
    }

    private static boolean sent(Path context, Path file, ContextFilter filter, List<String> alwaysSent) {
        String name = name(context, file);
        return alwaysSent.contains(name) || filter.includes(name);
    }

    private static String name(Path context, Path file) {
        return context.relativize(file).toString().replace('\\', '/');
    }

    private static void add(TarArchiveOutputStream tar, Path file, String name) throws IOException {
        if (Files.isSymbolicLink(file)) {
            TarArchiveEntry link = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            link.setLinkName(Files.readSymbolicLink(file).toString());
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            return;
        }
        TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), name);
        entry.setMode(mode(file));
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
    }

    private static int mode(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            int mode = 0;
            for (PosixFilePermission permission : permissions) {
                mode |= 1 << (8 - permission.ordinal());
            }
            return TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode;
        } catch (UnsupportedOperationException e) {
            return TarArchiveEntry.DEFAULT_FILE_MODE;
        }
    }
}
