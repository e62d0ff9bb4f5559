package dev.berth.builder.layer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares two snapshots path by path. A path is modified when anything recorded differs, ctime included, so content
 * rewritten with the same size and mtime is caught. A directory is replaced wholesale when its inode changed or when
 * every child it had (two or more) is gone (inodes are often reused at once, so the second test is the one that usually fires):
 * everything under it counts as changed and its deleted children need no whiteouts, one opaque whiteout hides them.
 * A deleted path whose parent is gone too, or is no longer a directory, is covered by its parent and not listed.
 */
final class ChangeDetector {
    private ChangeDetector() {}

    static Changes compare(Snapshot before, Snapshot after) {
        NavigableMap<String, FileState> was = before.entries();
        NavigableMap<String, FileState> now = after.entries();
        List<String> gone =
                was.keySet().stream().filter(p -> !now.containsKey(p)).toList();
        Set<String> replaced = replacedDirectories(was, now, gone);
        SortedSet<String> added = new TreeSet<>();
        SortedSet<String> modified = new TreeSet<>();
        for (Map.Entry<String, FileState> entry : now.entrySet()) {
            String path = entry.getKey();
            FileState old = was.get(path);
            if (old == null) {
                added.add(path);
            } else if (!old.equals(entry.getValue()) || isUnderAny(path, replaced)) {
                modified.add(path);
            }
        }
        SortedSet<String> deleted = new TreeSet<>();
        for (String path : gone) {
            if (parentHoldsWhiteout(path, now, replaced)) {
                deleted.add(path);
            }
        }
        return new Changes(after, added, modified, deleted, new TreeSet<>(replaced));
    }

    static Changes allAdded(Snapshot snapshot) {
        return new Changes(
                snapshot,
                new TreeSet<>(snapshot.entries().keySet()),
                new TreeSet<>(),
                new TreeSet<>(),
                new TreeSet<>());
    }

    private static Set<String> replacedDirectories(
            Map<String, FileState> was, Map<String, FileState> now, List<String> gone) {
        Map<String, Integer> children = countByParent(was.keySet());
        Map<String, Integer> goneChildren = countByParent(gone);
        Set<String> replaced = new java.util.HashSet<>();
        for (Map.Entry<String, FileState> entry : now.entrySet()) {
            FileState old = was.get(entry.getKey());
            FileState current = entry.getValue();
            if (old == null || old.type() != FileType.DIRECTORY || current.type() != FileType.DIRECTORY) {
                continue;
            }
            int had = children.getOrDefault(entry.getKey(), 0);
            if (old.inode() != current.inode() || (had > 1 && goneChildren.getOrDefault(entry.getKey(), 0) == had)) {
                replaced.add(entry.getKey());
            }
        }
        return replaced;
    }

    private static Map<String, Integer> countByParent(Iterable<String> paths) {
        Map<String, Integer> counts = new HashMap<>();
        for (String path : paths) {
            counts.merge(EntryNames.parent(path), 1, Integer::sum);
        }
        return counts;
    }

    private static boolean parentHoldsWhiteout(String path, Map<String, FileState> now, Set<String> replaced) {
        String parent = EntryNames.parent(path);
        if (parent.isEmpty()) {
            return true;
        }
        FileState state = now.get(parent);
        return state != null && state.type() == FileType.DIRECTORY && !isUnderAny(path, replaced);
    }

    /** True when a proper ancestor of the path is in the set. */
    private static boolean isUnderAny(String path, Set<String> ancestors) {
        if (ancestors.isEmpty()) {
            return false;
        }
        for (String parent = EntryNames.parent(path); !parent.isEmpty(); parent = EntryNames.parent(parent)) {
            if (ancestors.contains(parent)) {
                return true;
            }
        }
        return false;
    }
}
