package dev.berth.builder.layer;

import dev.berth.core.oci.Digest;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A layer being written: tar entries go through a sha256 of the tar (the diffId), gzip, and a sha256 of the
 * compressed bytes (the digest) into the file. The tar ends with two zero records and no padding to a block; the
 * gzip header holds no name and no time.
 */
final class LayerTarStream implements Closeable {
    private static final int BUFFER = 256 * 1024;
    private static final int RECORD = 512;

    private final Path target;
    private final LayerOptions options;
    private final MessageDigest compressedHasher = Digest.Algorithm.SHA256.newHasher();
    private final MessageDigest tarHasher = Digest.Algorithm.SHA256.newHasher();
    private final TarArchiveOutputStream tar;

    LayerTarStream(Path target, LayerOptions options) throws IOException {
        this.target = target;
        this.options = options;
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), BUFFER);
        OutputStream compressed = new DigestOutputStream(file, compressedHasher);
        OutputStream compressor = options.compression() == Compression.GZIP ? gzip(compressed) : compressed;
        OutputStream tarBytes =
                options.compression() == Compression.GZIP ? new DigestOutputStream(compressor, tarHasher) : compressor;
        tar = new TarArchiveOutputStream(tarBytes, RECORD, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    /** Writes an entry with no content. */
    void put(TarArchiveEntry entry) throws IOException {
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    /** Writes a regular file's entry and exactly its header's size in bytes from the content. */
    void put(TarArchiveEntry entry, InputStream content) throws IOException {
        tar.putArchiveEntry(entry);
        long copied = content.transferTo(tar);
        if (copied != entry.getSize()) {
            throw new IOException(entry.getName() + " changed while the layer was written: " + copied
                    + " bytes instead of " + entry.getSize());
        }
        tar.closeArchiveEntry();
    }

    /** Ends the tar and the compression, and describes the file written. */
    LayerBlob finish() throws IOException {
        tar.finish();
        tar.close();
        Digest digest = Digest.fromHasher(Digest.Algorithm.SHA256, compressedHasher);
        boolean gzip = options.compression() == Compression.GZIP;
        Digest diffId = gzip ? Digest.fromHasher(Digest.Algorithm.SHA256, tarHasher) : digest;
        String mediaType = gzip ? LayerBlob.OCI_LAYER_GZIP : LayerBlob.OCI_LAYER_TAR;
        return new LayerBlob(target, digest, diffId, Files.size(target), mediaType);
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    private OutputStream gzip(OutputStream out) throws IOException {
        int level = options.level();
        return new GZIPOutputStream(out, BUFFER) {
            {
                def.setLevel(level);
            }
        };
    }
}
