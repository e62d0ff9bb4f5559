package dev.berth.builder.layer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/** Walks a root filesystem and records each path's {@link FileState}. */
final class SnapshotReader {
    private SnapshotReader() {}

    static Snapshot read(Path rootfs, Set<String> excluded) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    static Snapshot readPaths(RootPath root, Collection<String> paths) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
