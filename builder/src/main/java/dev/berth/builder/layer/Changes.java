package dev.berth.builder.layer;

import java.util.SortedSet;

/**
 * The difference between two snapshots of one root filesystem, as sorted paths inside the root.
 *
 * @param after the later snapshot, which the layer writer reads metadata from
 * @param added paths that exist only in {@code after}
 * @param modified paths in both whose type, content or metadata differ
 * @param deleted paths that exist only in {@code before}; a deleted directory's children are not listed
 * @param replacedDirectories directories deleted and created again (a new inode): written with an opaque whiteout
 *     and without whiteouts for their old children
 */
public record Changes(
        Snapshot after,
        SortedSet<String> added,
        SortedSet<String> modified,
        SortedSet<String> deleted,
        SortedSet<String> replacedDirectories) {

    /** What changed from {@code before} to {@code after}. */
    public static Changes between(Snapshot before, Snapshot after) {
        return ChangeDetector.compare(before, after);
    }

    /** Every path of a snapshot as added: a layer holding the whole snapshot. */
    public static Changes allAdded(Snapshot snapshot) {
        return ChangeDetector.allAdded(snapshot);
    }

    /** True when nothing changed. */
    public boolean isEmpty() {
        return added.isEmpty() && modified.isEmpty() && deleted.isEmpty();
    }
}
