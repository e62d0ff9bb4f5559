package dev.berth.builder.layer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * OCI whiteouts: {@code .wh.<name>} removes {@code <name>} as lower layers left it, {@code .wh..wh..opq} removes
 * everything lower layers put in its directory. What the current layer wrote is kept in both cases, wherever the
 * whiteout appears in the tar.
 */
final class Whiteouts {
    private static final String AUFS_META_PREFIX = ".wh..wh.";

    private final RootPath root;
    private final WrittenPaths written;

    Whiteouts(RootPath root, WrittenPaths written) {
        this.root = root;
        this.written = written;
    }

    /** Applies the whiteout entry at {@code path} (a path whose last component starts with {@code .wh.}). */
    void apply(String path) throws IOException {
        String name = EntryNames.fileName(path);
        String dir = EntryNames.parent(path);
        if (name.equals(EntryNames.OPAQUE)) {
            Path hostDir = root.walk(dir, false, true);
            if (Files.isDirectory(hostDir, LinkOption.NOFOLLOW_LINKS)) {
                clearLower(dir, hostDir);
            }
        } else if (!name.startsWith(AUFS_META_PREFIX)) {
            String target = EntryNames.join(dir, name.substring(EntryNames.WHITEOUT_PREFIX.length()));
            if (!written.touches(target)) {
                Trees.delete(root.walk(target, false, true));
            }
        }
    }

    private void clearLower(String dir, Path hostDir) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(hostDir)) {
            for (Path child : children) {
                String path = EntryNames.join(dir, child.getFileName().toString());
                if (!written.touches(path)) {
                    Trees.delete(child);
                } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    clearLower(path, child);
                }
            }
        }
    }
}
