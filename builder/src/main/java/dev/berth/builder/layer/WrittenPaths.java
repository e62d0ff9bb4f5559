package dev.berth.builder.layer;

import java.util.HashSet;
import java.util.Set;

/**
 * The paths one layer has written so far, and their ancestors: whiteouts in a layer hide only what lower layers put
 * there, never what the same layer writes.
 */
final class WrittenPaths {
    private final Set<String> written = new HashSet<>();
    private final Set<String> ancestors = new HashSet<>();

    void add(String path) {
        written.add(path);
        for (String parent = EntryNames.parent(path); !parent.isEmpty(); parent = EntryNames.parent(parent)) {
            if (!ancestors.add(parent)) {
                return;
            }
        }
    }

    /** True when the path was written by this layer. */
    boolean contains(String path) {
        return written.contains(path);
    }

    /** True when the path, or something under it, was written by this layer. */
    boolean touches(String path) {
        return written.contains(path) || ancestors.contains(path);
    }
}
