package dev.berth.builder.build;

import dev.berth.builder.layer.FileType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * One file, directory or link COPY or ADD takes, with where it goes relative to the destination.
 *
 * @param relativeTarget the path under the destination directory, or empty when the source becomes the destination
 *     itself (a single file copied to a file name)
 * @param host where it is read from
 * @param type what it is
 * @param mode its permission bits
 * @param uid its owner, used only when the step keeps ownership (ADD of an archive)
 * @param gid its group, likewise
 * @param mtime its modification time, which the image keeps
 * @param linkTarget a symbolic link's target
 * @param size a regular file's size
 */
record CopySource(
        String relativeTarget,
        Path host,
        FileType type,
        int mode,
        int uid,
        int gid,
        Instant mtime,
        String linkTarget,
        long size) {

    /** Reads a path's metadata without following a final symbolic link. */
    static CopySource stat(String relativeTarget, Path host) throws IOException {
        Map<String, Object> attributes =
                Files.readAttributes(host, "unix:mode,uid,gid,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        int stMode = (Integer) attributes.get("mode");
        FileType type = FileType.ofMode(stMode);
        String link = type == FileType.SYMLINK ? Files.readSymbolicLink(host).toString() : null;
        return new CopySource(
                relativeTarget,
                host,
                type,
                stMode & 07777,
                (Integer) attributes.get("uid"),
                (Integer) attributes.get("gid"),
                ((java.nio.file.attribute.FileTime) attributes.get("lastModifiedTime")).toInstant(),
                link,
                (Long) attributes.get("size"));
    }

    /** The parts of the cache key this source adds: what and where, and a regular file's content hash. */
    String fingerprint() throws IOException {
        String content = type == FileType.REGULAR ? sha256(host) : type == FileType.SYMLINK ? linkTarget : "";
        return relativeTarget + "\0" + type + "\0" + Integer.toOctalString(mode) + "\0" + uid + ":" + gid + "\0"
                + content;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest hasher = dev.berth.core.oci.Digest.Algorithm.SHA256.newHasher();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), hasher)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(hasher.digest());
    }
}
