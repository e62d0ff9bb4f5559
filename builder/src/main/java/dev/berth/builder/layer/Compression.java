package dev.berth.builder.layer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The compressions a layer or an archive may use, recognised by their magic bytes. */
public enum Compression {
    NONE,
    GZIP,
    ZSTD,
    BZIP2,
    XZ;

    /** The compression a stream starts with, read without consuming it (the stream must support mark). */
    public static Compression detect(BufferedInputStream in) throws IOException {
        return Decompressors.detect(in);
    }

    /** A stream of the decompressed bytes of {@code in}, which starts with this compression's magic. */
    public InputStream decompress(InputStream in) throws IOException {
        return Decompressors.open(this, in);
    }
}
