package dev.berth.builder.layer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Recognises compressions by magic bytes and opens decompressing streams. */
final class Decompressors {
    private Decompressors() {}

    static Compression detect(BufferedInputStream in) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    static InputStream open(Compression compression, InputStream in) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
