package dev.berth.builder.layer;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * Sets ownership, mode, times and extended attributes on a path and creates special files, never following a link
 * in the last component and never opening the file (which would block on a fifo).
 */
final class FileMetadata {
    private FileMetadata() {}

    /** Numeric owner and group ({@code lchown}). */
    static void chown(Path path, int uid, int gid) throws IOException {
        Libc.lchown(path, uid, gid);
    }

    /** Permission bits with setuid, setgid and sticky, on a path that is not a link; after {@link #chown}. */
    static void chmod(Path path, int mode) throws IOException {
        Libc.chmod(path, mode & 07777);
    }

    /** Modification and access times of the path itself. */
    static void setTimes(Path path, FileTime modified, FileTime accessed) throws IOException {
        Libc.setTimes(path, accessed.to(TimeUnit.NANOSECONDS), modified.to(TimeUnit.NANOSECONDS));
    }

    /** An extended attribute of the path itself, in any namespace the kernel lets this process write. */
    static void setXattr(Path path, String name, byte[] value) throws IOException {
        Libc.setXattr(path, name, value);
    }

    /** A fifo, or a character or block device (which needs root). */
    static void createSpecial(Path path, FileType type, int mode, int major, int minor) throws IOException {
        int format =
                switch (type) {
                    case FIFO -> 0010000;
                    case CHARACTER_DEVICE -> 0020000;
                    case BLOCK_DEVICE -> 0060000;
                    default -> throw new IllegalArgumentException("not a special file: " + type);
                };
        Libc.mknod(path, format | (mode & 07777), DeviceNumbers.makedev(major, minor));
    }
}
