package dev.berth.builder.layer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Extracts local tar archives for {@code ADD}, as Docker does: a file is an archive when, after any compression
 * (gzip, bzip2, xz, zstd) is removed, it starts with a valid tar header. Entries are written into a directory of
 * the root filesystem, overwriting what is there; whiteout names are ordinary files; ownership comes from the
 * archive unless an owner is given.
 */
public final class ArchiveExtractor {
    private ArchiveExtractor() {}

    /** True when the file is a tar archive, compressed or not, that {@code ADD} should extract. */
    public static boolean isArchive(Path file) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Extracts the archive into {@code destination} (a path inside the root, created if missing; links in it are
     * followed within the root).
     */
    public static UnpackResult extract(
            Path archive, RootPath rootfs, String destination, Optional<UnpackOptions.Owner> owner) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
