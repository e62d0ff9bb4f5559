package dev.berth.builder.layer;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One entry of a layer written from a list rather than from a filesystem diff ({@code COPY} and {@code ADD} from a
 * build context). Parent directories are not invented: list them when the layer should carry them.
 *
 * @param path the path inside the image ({@code app/bin/server})
 * @param type {@link FileType#REGULAR}, {@link FileType#DIRECTORY} or {@link FileType#SYMLINK}
 * @param source where a regular file's content is read from, else null
 * @param bytes a regular file's content when given in memory, else null
 * @param mode permission bits ({@code 07777})
 * @param uid numeric owner
 * @param gid numeric group
 * @param mtime modification time
 * @param linkTarget a symbolic link's target, else null
 */
public record LayerEntry(
        String path,
        FileType type,
        Path source,
        byte[] bytes,
        int mode,
        int uid,
        int gid,
        Instant mtime,
        String linkTarget) {

    /** A regular file whose content is read from a host file when the layer is written. */
    public static LayerEntry file(String path, Path source, int mode, int uid, int gid, Instant mtime) {
        return new LayerEntry(path, FileType.REGULAR, source, null, mode, uid, gid, mtime, null);
    }

    /** A regular file with the given content. */
    public static LayerEntry bytes(String path, byte[] content, int mode, int uid, int gid, Instant mtime) {
        return new LayerEntry(path, FileType.REGULAR, null, content, mode, uid, gid, mtime, null);
    }

    /** A directory. */
    public static LayerEntry directory(String path, int mode, int uid, int gid, Instant mtime) {
        return new LayerEntry(path, FileType.DIRECTORY, null, null, mode, uid, gid, mtime, null);
    }

    /** A symbolic link. */
    public static LayerEntry symlink(String path, String target, int uid, int gid, Instant mtime) {
        return new LayerEntry(path, FileType.SYMLINK, null, null, 0777, uid, gid, mtime, target);
    }
}
