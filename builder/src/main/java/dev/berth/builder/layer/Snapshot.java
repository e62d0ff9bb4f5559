package dev.berth.builder.layer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;

/**
 * The metadata of every path in a root filesystem at one moment, keyed by path inside the root and sorted. Read with
 * one {@code lstat} per path ({@code unix:*} attributes); symbolic links are recorded, never followed.
 */
public final class Snapshot {
    private final Path root;
    private final NavigableMap<String, FileState> entries;

    Snapshot(Path root, NavigableMap<String, FileState> entries) {
        this.root = root;
        this.entries = entries;
    }

    /** Every path under the root directory (the root itself excluded). */
    public static Snapshot of(Path rootfs) throws IOException {
        return of(rootfs, Set.of());
    }

    /**
     * Every path under the root directory except the excluded paths and everything under them (for example mount
     * points bound during a {@code RUN}).
     */
    public static Snapshot of(Path rootfs, Set<String> excluded) throws IOException {
        return SnapshotReader.read(rootfs, excluded);
    }

    /**
     * Only the given paths (as they are, not following a link in their last component), every path under those
     * that are directories, and their parent directories: what a {@code COPY} into the root touched, without reading
     * the whole tree. Use with {@link Changes#allAdded} to write a layer of them.
     */
    public static Snapshot ofPaths(RootPath root, Collection<String> paths) throws IOException {
        return SnapshotReader.readPaths(root, paths);
    }

    /** The root directory the snapshot was taken of. */
    public Path root() {
        return root;
    }

    /** The state of one path, if it existed. */
    public Optional<FileState> get(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /** Every recorded path and its state, sorted by path. */
    public NavigableMap<String, FileState> entries() {
        return entries;
    }

    /** The number of recorded paths. */
    public int size() {
        return entries.size();
    }
}
