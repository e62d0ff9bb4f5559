package dev.berth.builder.layer;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The sorted entries of a layer written from {@link Changes}: every added or modified path with its parent
 * directories, a {@code .wh.} entry beside every deleted path, an opaque marker in every replaced directory.
 * Whiteout entries map to null.
 */
final class ChangeLayerPlan {
    private ChangeLayerPlan() {}

    static NavigableMap<String, FileState> of(Changes changes) {
        NavigableMap<String, FileState> after = changes.after().entries();
        NavigableMap<String, FileState> plan = new TreeMap<>();
        for (String path : changes.added()) {
            include(path, after, plan);
        }
        for (String path : changes.modified()) {
            include(path, after, plan);
        }
        for (String path : changes.deleted()) {
            includeParents(path, after, plan);
            String whiteout = EntryNames.WHITEOUT_PREFIX + EntryNames.fileName(path);
            plan.put(EntryNames.join(EntryNames.parent(path), whiteout), null);
        }
        for (String dir : changes.replacedDirectories()) {
            plan.put(EntryNames.join(dir, EntryNames.OPAQUE), null);
        }
        return plan;
    }

    private static void include(String path, Map<String, FileState> after, Map<String, FileState> plan) {
        FileState state = after.get(path);
        if (state != null) {
            plan.put(path, state);
            includeParents(path, after, plan);
        }
    }

    private static void includeParents(String path, Map<String, FileState> after, Map<String, FileState> plan) {
        for (String parent = EntryNames.parent(path); !parent.isEmpty(); parent = EntryNames.parent(parent)) {
            FileState state = after.get(parent);
            if (state == null || plan.putIfAbsent(parent, state) != null) {
                return;
            }
        }
    }
}
