package dev.berth.builder.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarUtils;

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
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Decompressors.decompressed(Files.newInputStream(file))) {
            byte[] header = in.readNBytes(TarConstants.DEFAULT_RCDSIZE);
            return header.length == TarConstants.DEFAULT_RCDSIZE && !allZero(header) && TarUtils.verifyCheckSum(header);
        } catch (IOException corruptCompression) {
            return false;
        }
    }

    /**
     * Extracts the archive into {@code destination} (a path inside the root, created if missing; links in it are
     * followed within the root).
     */
    public static UnpackResult extract(
            Path archive, RootPath rootfs, String destination, Optional<UnpackOptions.Owner> owner) throws IOException {
        Path hostDestination = rootfs.resolve(destination);
        Files.createDirectories(hostDestination);
        String base = rootfs.relativize(hostDestination);
        Warnings warnings = new Warnings();
        try (InputStream in = Decompressors.decompressed(Files.newInputStream(archive))) {
            long entries = new TarApplier(rootfs, UnpackOptions.forArchive(owner), base, warnings).apply(in);
            return new UnpackResult(entries, warnings.lines());
        }
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
