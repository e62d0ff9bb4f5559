package dev.berth.builder.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Applies the entries of one tar stream onto a root filesystem, under a base directory ({@code ""} for a layer).
 * Each entry's parent is resolved through {@link RootPath} in strict mode and cached until the layer removes
 * something or creates a link; the entry itself is replaced, never followed. Directory times are set last, once the
 * entries inside them are written.
 */
final class TarApplier {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final RootPath root;
    private final UnpackOptions options;
    private final String base;
    private final Warnings warnings;
    private final WrittenPaths written = new WrittenPaths();
    private final Map<String, Path> parents = new HashMap<>();
    private final List<Map.Entry<Path, FileTime>> directoryTimes = new ArrayList<>();
    private final Whiteouts whiteouts;

    TarApplier(RootPath root, UnpackOptions options, String base, Warnings warnings) {
        this.root = root;
        this.options = options;
        this.base = base;
        this.warnings = warnings;
        this.whiteouts = new Whiteouts(root, written);
    }

    /** Applies every entry of the tar and returns how many there were. */
    long apply(InputStream tar) throws IOException {
        TarArchiveInputStream in = new TarArchiveInputStream(tar);
        long count = 0;
        for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
            applyEntry(entry, in);
            count++;
        }
        setDirectoryTimes();
        return count;
    }

    private void applyEntry(TarArchiveEntry entry, InputStream content) throws IOException {
        String relative = EntryNames.normalize(entry.getName());
        if (relative.isEmpty()) {
            return;
        }
        String path = EntryNames.join(base, relative);
        if (options.whiteouts() && EntryNames.fileName(path).startsWith(EntryNames.WHITEOUT_PREFIX)) {
            whiteouts.apply(path);
            parents.clear();
            return;
        }
        Path host = parentOf(path).resolve(EntryNames.fileName(path));
        if (create(entry, path, host, content)) {
            setMetadata(entry, path, host);
        }
        if (options.whiteouts()) {
            written.add(path);
        }
    }

    /** Creates the entry; false when it was skipped or is a hard link, whose metadata is its target's. */
    private boolean create(TarArchiveEntry entry, String path, Path host, InputStream content) throws IOException {
        if (entry.isLink()) {
            hardLink(entry, path, host);
            return false;
        } else if (entry.isSymbolicLink()) {
            replace(host);
            Files.createSymbolicLink(host, Path.of(entry.getLinkName()));
            parents.clear();
        } else if (entry.isDirectory()) {
            directory(host);
        } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            return special(entry, path, host);
        } else if (entry.isFile()) {
            replace(host);
            Files.copy(content, host);
        } else {
            warnings.add("skipped " + path + ": unsupported tar entry type '" + (char) entry.getLinkFlag() + "'");
            return false;
        }
        return true;
    }

    private void directory(Path host) throws IOException {
        if (!Files.isDirectory(host, NOFOLLOW)) {
            replace(host);
            Files.createDirectory(host);
        }
    }

    private void hardLink(TarArchiveEntry entry, String path, Path host) throws IOException {
        String target = EntryNames.join(base, EntryNames.normalize(entry.getLinkName()));
        Path targetHost = root.walk(target, false, true);
        if (!Files.exists(targetHost, NOFOLLOW)) {
            throw new NoSuchFileException(path, target, "hard link target does not exist");
        }
        if (!targetHost.equals(host)) {
            replace(host);
            Files.createLink(host, targetHost);
        }
    }

    private boolean special(TarArchiveEntry entry, String path, Path host) throws IOException {
        FileType type = entry.isFIFO()
                ? FileType.FIFO
                : entry.isCharacterDevice() ? FileType.CHARACTER_DEVICE : FileType.BLOCK_DEVICE;
        if (type != FileType.FIFO && !options.createDevices()) {
            warnings.add("skipped device " + path + ": creating devices needs root");
            return false;
        }
        replace(host);
        try {
            FileMetadata.createSpecial(host, type, entry.getMode(), entry.getDevMajor(), entry.getDevMinor());
            return true;
        } catch (IOException e) {
            warnings.add(
                    "skipped " + type.name().toLowerCase(java.util.Locale.ROOT) + " " + path + ": " + e.getMessage());
            return false;
        }
    }

    /** Removes whatever is at the path, a whole directory included, so that a new entry can take its place. */
    private void replace(Path host) throws IOException {
        if (Files.exists(host, NOFOLLOW)) {
            Trees.delete(host);
            parents.clear();
        }
    }

    private void setMetadata(TarArchiveEntry entry, String path, Path host) throws IOException {
        boolean symlink = entry.isSymbolicLink();
        if (options.owner().isPresent()) {
            FileMetadata.chown(
                    host, options.owner().get().uid(), options.owner().get().gid());
        } else if (options.preserveOwnership()) {
            FileMetadata.chown(host, (int) entry.getLongUserId(), (int) entry.getLongGroupId());
        }
        if (!symlink) {
            FileMetadata.chmod(host, entry.getMode());
        }
        Xattrs.apply(entry, path, host, warnings);
        FileTime modified = entry.getLastModifiedTime();
        if (entry.isDirectory()) {
            directoryTimes.add(Map.entry(host, modified));
        } else {
            FileTime accessed = entry.getLastAccessTime() == null ? modified : entry.getLastAccessTime();
            FileMetadata.setTimes(host, modified, accessed);
        }
    }

    private void setDirectoryTimes() throws IOException {
        for (Map.Entry<Path, FileTime> dir : directoryTimes.reversed()) {
            try {
                FileMetadata.setTimes(dir.getKey(), dir.getValue(), dir.getValue());
            } catch (NoSuchFileException removedLater) {
                // a later entry of the same layer replaced the directory
            }
        }
    }

    /** The host directory of the entry's parent, created when missing. */
    private Path parentOf(String path) throws IOException {
        String parent = EntryNames.parent(path);
        Path dir = parents.get(parent);
        if (dir == null) {
            dir = root.walk(parent, true, true);
            try {
                Files.createDirectories(dir);
            } catch (FileAlreadyExistsException e) {
                throw new IOException("cannot create " + path + ": a parent is not a directory", e);
            }
            parents.put(parent, dir);
        }
        return dir;
    }
}
