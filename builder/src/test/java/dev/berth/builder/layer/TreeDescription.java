package dev.berth.builder.layer;

import dev.berth.core.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** A tree as text, path by path, for comparing two trees that should be the same: content, mode, owner, time. */
final class TreeDescription {
    private TreeDescription() {}

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, FileState> e : Snapshot.of(root).entries().entrySet()) {
            FileState s = e.getValue();
            String base = s.type() + " " + Integer.toOctalString(s.mode()) + " " + s.uid() + ":" + s.gid() + " t="
                    + s.mtime().toInstant().getEpochSecond();
            String extra =
                    switch (s.type()) {
                        case REGULAR ->
                            " " + Digest.sha256(Files.readAllBytes(root.resolve(e.getKey()))) + " links=" + s.links();
                        case SYMLINK -> " -> " + s.linkTarget();
                        case CHARACTER_DEVICE, BLOCK_DEVICE -> " rdev=" + s.rdev();
                        default -> "";
                    };
            out.put(e.getKey(), base + extra);
        }
        return out;
    }
}
