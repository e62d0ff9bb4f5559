package dev.berth.builder.image;

import dev.berth.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * Content-addressed blobs on disk, laid out as an OCI image layout's {@code blobs/sha256/<hex>}: the layers pulled
 * for base images and those built, the configs and manifests. A blob appears under its name only once complete and
 * verified (written to a temp file, then moved), so a crash leaves no half blob behind.
 */
public final class BlobDirectory {
    private final Path root;

    public BlobDirectory(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("blobs").resolve("sha256"));
        Files.createDirectories(root.resolve("tmp"));
    }

    /** The layout's root directory. */
    public Path root() {
        return root;
    }

    public boolean has(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    /** Where the blob lives (whether or not it is there yet). */
    public Path path(Digest digest) {
        return root.resolve("blobs").resolve(digest.algorithm().prefix()).resolve(digest.hex());
    }

    /** A new temp file in this directory's file system, to write a blob into before {@link #adopt}ing it. */
    public Path newTempFile() throws IOException {
        return Files.createTempFile(root.resolve("tmp"), "blob-", ".part");
    }

    /** Moves a finished temp file into place under its digest (the caller computed it while writing). */
    public Path adopt(Path temp, Digest digest) throws IOException {
        Path target = path(digest);
        Files.createDirectories(target.getParent());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Stores bytes under their sha256 digest and returns it. */
    public Digest put(byte[] content) throws IOException {
        Digest digest = Digest.sha256(content);
        if (!has(digest)) {
            Path temp = newTempFile();
            Files.write(temp, content);
            adopt(temp, digest);
        }
        return digest;
    }

    /**
     * Stores a stream that must have the given digest; a mismatch leaves nothing behind and fails.
     *
     * @return the number of bytes stored
     */
    public long put(InputStream content, Digest expected) throws IOException {
        Path temp = newTempFile();
        MessageDigest hasher = expected.algorithm().newHasher();
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), hasher)) {
            size = content.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Digest actual = Digest.fromHasher(expected.algorithm(), hasher);
        if (!actual.equals(expected)) {
            Files.deleteIfExists(temp);
            throw new IOException("blob " + expected + " arrived with digest " + actual);
        }
        adopt(temp, expected);
        return size;
    }

    public byte[] read(Digest digest) throws IOException {
        return Files.readAllBytes(path(digest));
    }

    public InputStream open(Digest digest) throws IOException {
        return Files.newInputStream(path(digest));
    }
}
