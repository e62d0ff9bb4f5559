package dev.berth.builder.layer;

import java.nio.file.attribute.FileTime;

/**
 * What a {@link Snapshot} records of one path: enough to tell whether it changed and to write it into a layer.
 *
 * @param type the kind of file
 * @param mode the permission bits, setuid, setgid and sticky included ({@code 07777})
 * @param uid the numeric owner
 * @param gid the numeric group
 * @param size the size in bytes (0 for directories in layers; recorded as the filesystem reports it)
 * @param mtime the modification time
 * @param ctime the status change time, which catches content rewritten with the same size and mtime
 * @param device the id of the filesystem holding the file
 * @param inode the inode number, which with {@code device} identifies hard links
 * @param links the number of hard links
 * @param rdev the device number of a character or block device, else 0
 * @param linkTarget the target of a symbolic link, else null
 */
public record FileState(
        FileType type,
        int mode,
        int uid,
        int gid,
        long size,
        FileTime mtime,
        FileTime ctime,
        long device,
        long inode,
        int links,
        long rdev,
        String linkTarget) {}
