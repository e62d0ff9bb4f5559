package dev.berth.builder.build;

import dev.berth.builder.image.BlobDirectory;
import dev.berth.builder.layer.LayerUnpacker;
import dev.berth.builder.layer.RootPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage's root filesystem on disk, made only when a step needs files (a cache miss), and brought up to date by
 * unpacking the layers added since (cached steps) before the next step runs over it. A RUN that changes it in place
 * records that its own layer is already applied.
 */
final class Rootfs {
    private final Path directory;
    private final RootPath root;
    private int appliedLayers;

    private Rootfs(Path directory) throws IOException {
        this.directory = directory;
        this.root = RootPath.of(directory);
    }

    /** A new, empty root filesystem in a fresh directory under {@code parent}. */
    static Rootfs create(Path parent) throws IOException {
        Files.createDirectories(parent);
        Path directory = Files.createTempDirectory(parent, "rootfs-");
        Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return new Rootfs(directory);
    }

    Path directory() {
        return directory;
    }

    RootPath root() {
        return root;
    }

    /** Unpacks the layers it does not hold yet; the layers' blobs must be in the blob directory. */
    void catchUp(List<Layer> layers, BlobDirectory blobs) throws IOException {
        List<Path> pending = new ArrayList<>();
        for (int i = appliedLayers; i < layers.size(); i++) {
            pending.add(blobs.path(layers.get(i).digest()));
        }
        if (!pending.isEmpty()) {
            LayerUnpacker.forLayers().applyAll(pending, root);
        }
        appliedLayers = layers.size();
    }

    /** Records that the newest layer was made from this tree's own changes, so it need not be unpacked. */
    void layerAppliedInPlace() {
        appliedLayers++;
    }

    /** How many layers of the stage this tree holds. */
    int appliedLayers() {
        return appliedLayers;
    }
}
