package dev.berth.builder.layer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks a root filesystem and records each path's {@link FileState}: one {@code statx} per path (or, where that call
 * is missing, the JDK's {@code unix:*} attributes), plus a {@code readlink} per symbolic link. Links are never
 * followed.
 */
final class SnapshotReader implements AutoCloseable {
    private static final boolean STATX_WORKS = statxWorks();
    private static final String ATTRIBUTES = "unix:mode,uid,gid,size,lastModifiedTime,ctime,dev,ino,nlink,rdev";

    private final Path root;
    private final Set<String> excluded;
    private final NavigableMap<String, FileState> entries = new TreeMap<>();

    private final Statx statx = STATX_WORKS ? new Statx() : null;

    private SnapshotReader(Path root, Set<String> excluded) {
        this.root = root;
        this.excluded = excluded;
    }

    static Snapshot read(Path rootfs, Set<String> excluded) throws IOException {
        Path root = rootfs.toRealPath();
        try (SnapshotReader reader = new SnapshotReader(root, Set.copyOf(excluded))) {
            reader.walkChildren("", root);
            return new Snapshot(root, reader.entries);
        }
    }

    static Snapshot readPaths(RootPath root, Collection<String> paths) throws IOException {
        try (SnapshotReader reader = new SnapshotReader(root.root(), Set.of())) {
            reader.readAll(root, paths);
            return new Snapshot(root.root(), reader.entries);
        }
    }

    private void readAll(RootPath root, Collection<String> paths) throws IOException {
        for (String path : paths) {
            Path host = root.resolveNoFollow(path);
            String real = root.relativize(host);
            if (!real.isEmpty()) {
                addAncestors(real);
                visit(real, host);
            } else {
                walkChildren("", host);
            }
        }
    }

    @Override
    public void close() {
        if (statx != null) {
            statx.close();
        }
    }

    private void walkChildren(String dir, Path hostDir) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(hostDir)) {
            for (Path child : children) {
                String path = EntryNames.join(dir, child.getFileName().toString());
                if (!excluded.contains(path)) {
                    visit(path, child);
                }
            }
        }
    }

    private void visit(String path, Path host) throws IOException {
        FileState state;
        try {
            state = statx == null ? stat(host) : statx.stat(host);
        } catch (NoSuchFileException vanished) {
            return;
        }
        entries.put(path, state);
        if (state.type() == FileType.DIRECTORY) {
            walkChildren(path, host);
        }
    }

    private void addAncestors(String path) throws IOException {
        for (String parent = EntryNames.parent(path); !parent.isEmpty(); parent = EntryNames.parent(parent)) {
            if (entries.containsKey(parent)) {
                return;
            }
            Path host = root.resolve(parent);
            entries.put(parent, statx == null ? stat(host) : statx.stat(host));
        }
    }

    private static boolean statxWorks() {
        try (Statx probe = new Statx()) {
            return probe.stat(Path.of("/")).type() == FileType.DIRECTORY;
        } catch (IOException | LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** The state of one host path, its last component not followed, through the JDK's {@code unix:*} view. */
    static FileState stat(Path host) throws IOException {
        Map<String, Object> a = Files.readAttributes(host, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        FileType type = FileType.ofMode(mode);
        String target = type == FileType.SYMLINK ? Files.readSymbolicLink(host).toString() : null;
        return new FileState(
                type,
                mode & 07777,
                (Integer) a.get("uid"),
                (Integer) a.get("gid"),
                (Long) a.get("size"),
                (FileTime) a.get("lastModifiedTime"),
                (FileTime) a.get("ctime"),
                (Long) a.get("dev"),
                (Long) a.get("ino"),
                (Integer) a.get("nlink"),
                (Long) a.get("rdev"),
                target);
    }
}
