package dev.berth.builder.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies with a buffer the caller keeps, so that thousands of small files do not each allocate one. */
final class Streams {
    static final int BUFFER = 64 * 1024;

    private Streams() {}

    static long copy(InputStream in, OutputStream out, byte[] buffer) throws IOException {
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
