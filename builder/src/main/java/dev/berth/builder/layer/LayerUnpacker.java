package dev.berth.builder.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Applies layer blobs onto a root filesystem directory, streaming: the compression (gzip, zstd, or none) is found
 * from the magic bytes, and each tar entry is written through {@link RootPath} in strict mode, so an entry named
 * with {@code ..} or an absolute path, or one reached through a link that climbs above the root, is refused with an
 * {@link UnsafePathException}. Files, directories, symbolic and hard links (within the root), devices and fifos
 * (when permitted), modes with setuid, setgid and sticky bits, numeric ownership (when root), modification times,
 * PAX headers and {@code user.} xattrs are applied; OCI whiteouts are honoured when the options ask for it.
 */
public final class LayerUnpacker {
    private final UnpackOptions options;

    public LayerUnpacker(UnpackOptions options) {
        this.options = options;
    }

    /** An unpacker for image layers ({@link UnpackOptions#forLayers()}). */
    public static LayerUnpacker forLayers() {
        return new LayerUnpacker(UnpackOptions.forLayers());
    }

    /** Applies one blob (compressed or not) onto the root filesystem; the stream is read, not closed. */
    public UnpackResult apply(InputStream blob, RootPath rootfs) throws IOException {
        Warnings warnings = new Warnings();
        long entries = applyOne(blob, rootfs, warnings);
        return new UnpackResult(entries, warnings.lines());
    }

    /** Applies one blob file onto the root filesystem. */
    public UnpackResult apply(Path blob, RootPath rootfs) throws IOException {
        return applyAll(List.of(blob), rootfs);
    }

    /** Applies a chain of blob files in order, lowest first: a stage's base root filesystem. */
    public UnpackResult applyAll(List<Path> blobs, RootPath rootfs) throws IOException {
        Warnings warnings = new Warnings();
        long entries = 0;
        for (Path blob : blobs) {
            try (InputStream in = Files.newInputStream(blob)) {
                entries += applyOne(in, rootfs, warnings);
            }
        }
        return new UnpackResult(entries, warnings.lines());
    }

    private long applyOne(InputStream blob, RootPath rootfs, Warnings warnings) throws IOException {
        InputStream tar = Decompressors.decompressed(blob);
        return new TarApplier(rootfs, options, "", warnings).apply(tar);
    }
}
