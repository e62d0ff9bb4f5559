package dev.berth.builder.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes layers as reproducible tars, streamed to a file while both digests are computed. Entries are sorted by
 * path, carry numeric ids only (no user or group names), long names and links use PAX headers, hard links inside
 * the layer are written as tar hard links, and the gzip header holds no name nor time. With a {@code
 * sourceDateEpoch}, later timestamps are clamped to it, so the same tree always gives the same bytes. Instances hold
 * no state between calls and may be shared between threads.
 */
public final class LayerWriter {
    private final LayerOptions options;
    private final TarEntries entries;
    private final OwnerMapping owners = OwnerMapping.current();

    public LayerWriter(LayerOptions options) {
        this.options = options;
        this.entries = new TarEntries(options.sourceDateEpoch());
    }

    /**
     * Writes the layer of a change: every added or modified path and its parent directories, read from the root of
     * {@code changes.after()}, and a whiteout for every deleted path (an opaque whiteout for a replaced directory).
     * Rootless, files this process owns are written as root's ({@link OwnerMapping}).
     */
    public LayerBlob write(Changes changes, Path target) throws IOException {
        Path root = changes.after().root();
        Map<String, String> firstLinkOfInode = new HashMap<>();
        try (LayerTarStream out = new LayerTarStream(target, options)) {
            for (Map.Entry<String, FileState> item : ChangeLayerPlan.of(changes).entrySet()) {
                if (item.getValue() == null) {
                    out.put(entries.whiteout(item.getKey()));
                } else {
                    writeState(out, root, item.getKey(), item.getValue(), firstLinkOfInode);
                }
            }
            return out.finish();
        }
    }

    /** Writes a layer holding exactly the given entries, sorted by path. */
    public LayerBlob write(List<LayerEntry> list, Path target) throws IOException {
        TreeMap<String, LayerEntry> sorted = new TreeMap<>();
        for (LayerEntry entry : list) {
            String path = EntryNames.normalize(
                    entry.path().startsWith("/") ? entry.path().substring(1) : entry.path());
            if (sorted.put(path, entry) != null) {
                throw new IllegalArgumentException("two layer entries for " + path);
            }
        }
        try (LayerTarStream out = new LayerTarStream(target, options)) {
            for (Map.Entry<String, LayerEntry> item : sorted.entrySet()) {
                writeEntry(out, item.getKey(), item.getValue());
            }
            return out.finish();
        }
    }

    private void writeState(LayerTarStream out, Path root, String path, FileState s, Map<String, String> firstLink)
            throws IOException {
        switch (s.type()) {
            case DIRECTORY ->
                out.put(entries.directory(path, s.mode(), owners.uid(s.uid()), owners.gid(s.gid()), s.mtime()));
            case SYMLINK ->
                out.put(entries.symlink(path, s.linkTarget(), owners.uid(s.uid()), owners.gid(s.gid()), s.mtime()));
            case REGULAR -> writeRegular(out, root, path, s, firstLink);
            case CHARACTER_DEVICE, BLOCK_DEVICE, FIFO ->
                out.put(entries.special(
                        path, s.type(), s.mode(), owners.uid(s.uid()), owners.gid(s.gid()), s.mtime(), s.rdev()));
            case SOCKET -> {
                // sockets belong to running processes, never to an image
            }
        }
    }

    private void writeRegular(LayerTarStream out, Path root, String path, FileState s, Map<String, String> firstLink)
            throws IOException {
        if (s.links() > 1) {
            String first = firstLink.putIfAbsent(s.device() + ":" + s.inode(), path);
            if (first != null) {
                out.put(entries.hardLink(path, first, s.mode(), owners.uid(s.uid()), owners.gid(s.gid()), s.mtime()));
                return;
            }
        }
        try (InputStream content = Files.newInputStream(root.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
            out.put(
                    entries.file(path, s.mode(), owners.uid(s.uid()), owners.gid(s.gid()), s.mtime(), s.size()),
                    content);
        }
    }

    private void writeEntry(LayerTarStream out, String path, LayerEntry e) throws IOException {
        FileTime mtime = FileTime.from(e.mtime());
        switch (e.type()) {
            case DIRECTORY -> out.put(entries.directory(path, e.mode(), e.uid(), e.gid(), mtime));
            case SYMLINK -> out.put(entries.symlink(path, e.linkTarget(), e.uid(), e.gid(), mtime));
            case REGULAR -> writeEntryContent(out, path, e, mtime);
            default -> throw new IllegalArgumentException("layer entries are files, directories or links: " + path);
        }
    }

    private void writeEntryContent(LayerTarStream out, String path, LayerEntry e, FileTime mtime) throws IOException {
        if (e.bytes() != null) {
            out.put(
                    entries.file(path, e.mode(), e.uid(), e.gid(), mtime, e.bytes().length),
                    new java.io.ByteArrayInputStream(e.bytes()));
            return;
        }
        try (InputStream content = Files.newInputStream(e.source())) {
            out.put(entries.file(path, e.mode(), e.uid(), e.gid(), mtime, Files.size(e.source())), content);
        }
    }
}
