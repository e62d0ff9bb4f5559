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
 * Walks a root filesystem and records each path's {@link FileState}: one {@code lstat} per path through the {@code
 * unix:*} attributes, plus a {@code readlink} per symbolic link. Links are never followed.
 */
final class SnapshotReader {
    private static final String ATTRIBUTES = "unix:mode,uid,gid,size,lastModifiedTime,ctime,dev,ino,nlink,rdev";

    private final Path root;
    private final Set<String> excluded;
    private final NavigableMap<String, FileState> entries = new TreeMap<>();

    private SnapshotReader(Path root, Set<String> excluded) {
        this.root = root;
        this.excluded = excluded;
    }

    static Snapshot read(Path rootfs, Set<String> excluded) throws IOException {
        Path root = rootfs.toRealPath();
        SnapshotReader reader = new SnapshotReader(root, Set.copyOf(excluded));
        reader.walkChildren("", root);
        return new Snapshot(root, reader.entries);
    }

    static Snapshot readPaths(RootPath root, Collection<String> paths) throws IOException {
        SnapshotReader reader = new SnapshotReader(root.root(), Set.of());
        for (String path : paths) {
            Path host = root.resolveNoFollow(path);
            String real = root.relativize(host);
            if (!real.isEmpty()) {
                reader.addAncestors(real);
                reader.visit(real, host);
            } else {
                reader.walkChildren("", host);
            }
        }
        return new Snapshot(root.root(), reader.entries);
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
            state = stat(host);
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
            entries.put(parent, stat(root.resolve(parent)));
        }
    }

    /** The state of one host path, its last component not followed. */
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
