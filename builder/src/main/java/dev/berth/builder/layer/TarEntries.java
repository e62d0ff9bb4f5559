package dev.berth.builder.layer;

import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Builds the tar entries of a layer: numeric ids only, whole-second times clamped to the source date epoch, and
 * directories named with a trailing slash.
 */
final class TarEntries {
    private final Optional<Instant> sourceDateEpoch;

    TarEntries(Optional<Instant> sourceDateEpoch) {
        this.sourceDateEpoch = sourceDateEpoch;
    }

    TarArchiveEntry directory(String path, int mode, int uid, int gid, FileTime mtime) {
        return entry(path + "/", TarConstants.LF_DIR, mode, uid, gid, mtime);
    }

    TarArchiveEntry file(String path, int mode, int uid, int gid, FileTime mtime, long size) {
        TarArchiveEntry entry = entry(path, TarConstants.LF_NORMAL, mode, uid, gid, mtime);
        entry.setSize(size);
        return entry;
    }

    TarArchiveEntry symlink(String path, String target, int uid, int gid, FileTime mtime) {
        TarArchiveEntry entry = entry(path, TarConstants.LF_SYMLINK, 0777, uid, gid, mtime);
        entry.setLinkName(target);
        return entry;
    }

    TarArchiveEntry hardLink(String path, String target, int mode, int uid, int gid, FileTime mtime) {
        TarArchiveEntry entry = entry(path, TarConstants.LF_LINK, mode, uid, gid, mtime);
        entry.setLinkName(target);
        return entry;
    }

    TarArchiveEntry special(String path, FileType type, int mode, int uid, int gid, FileTime mtime, long rdev) {
        byte flag =
                switch (type) {
                    case CHARACTER_DEVICE -> TarConstants.LF_CHR;
                    case BLOCK_DEVICE -> TarConstants.LF_BLK;
                    case FIFO -> TarConstants.LF_FIFO;
                    default -> throw new IllegalArgumentException("not a special file: " + type);
                };
        TarArchiveEntry entry = entry(path, flag, mode, uid, gid, mtime);
        if (type != FileType.FIFO) {
            entry.setDevMajor(DeviceNumbers.major(rdev));
            entry.setDevMinor(DeviceNumbers.minor(rdev));
        }
        return entry;
    }

    /** An empty file named {@code .wh.<name>} (or the opaque marker), owned by root, dated the epoch. */
    TarArchiveEntry whiteout(String path) {
        return entry(path, TarConstants.LF_NORMAL, 0, 0, 0, FileTime.from(Instant.EPOCH));
    }

    private TarArchiveEntry entry(String name, byte flag, int mode, int uid, int gid, FileTime mtime) {
        TarArchiveEntry entry = new TarArchiveEntry(name, flag, true);
        entry.setMode(mode & 07777);
        entry.setUserId(uid);
        entry.setGroupId(gid);
        entry.setUserName("");
        entry.setGroupName("");
        entry.setModTime(clamp(mtime));
        return entry;
    }

    private FileTime clamp(FileTime mtime) {
        Instant seconds = Instant.ofEpochSecond(mtime.toInstant().getEpochSecond());
        if (sourceDateEpoch.isPresent() && seconds.isAfter(sourceDateEpoch.get())) {
            seconds = sourceDateEpoch.get();
        }
        return FileTime.from(seconds);
    }
}
