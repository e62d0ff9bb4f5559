package dev.berth.builder.layer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** Recognises compressions by magic bytes and opens decompressing streams. */
final class Decompressors {
    private static final int BUFFER = 64 * 1024;
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
    private static final byte[] BZIP2_MAGIC = {'B', 'Z', 'h'};
    private static final byte[] XZ_MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};

    private Decompressors() {}

    static Compression detect(BufferedInputStream in) throws IOException {
        byte[] head = peek(in, XZ_MAGIC.length);
        if (startsWith(head, GZIP_MAGIC)) {
            return Compression.GZIP;
        } else if (startsWith(head, ZSTD_MAGIC)) {
            return Compression.ZSTD;
        } else if (startsWith(head, BZIP2_MAGIC)) {
            return Compression.BZIP2;
        } else if (startsWith(head, XZ_MAGIC)) {
            return Compression.XZ;
        }
        return Compression.NONE;
    }

    static InputStream open(Compression compression, InputStream in) throws IOException {
        return switch (compression) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, BUFFER);
            case ZSTD -> new ZstdCompressorInputStream(in);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case XZ -> new XZCompressorInputStream(in, true);
        };
    }

    /** The uncompressed bytes of a stream in any of the known compressions, or of a plain one. */
    static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        return new BufferedInputStream(open(detect(in), in), BUFFER);
    }

    private static byte[] peek(BufferedInputStream in, int length) throws IOException {
        in.mark(length);
        byte[] head = in.readNBytes(length);
        in.reset();
        return head;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
