package dev.berth.egress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A response body whose failures are {@link Failures}' translation: an idle timeout reads as a timeout. */
final class TimeoutTranslatingStream extends FilterInputStream {
    TimeoutTranslatingStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw Failures.of(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw Failures.of(e);
        }
    }
}
