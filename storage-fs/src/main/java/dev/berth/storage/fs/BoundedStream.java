package dev.berth.storage.fs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** At most so many bytes of a stream: a file read up to the size it had when opened, while it may still grow. */
final class BoundedStream extends FilterInputStream {
    private long left;

    BoundedStream(InputStream in, long length) {
        super(in);
        this.left = length;
    }

    @Override
    public int read() throws IOException {
        if (left <= 0) {
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            left--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left <= 0) {
            return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, left));
        if (n > 0) {
            left -= n;
        }
        return n;
    }

    @Override
    public long skip(long count) throws IOException {
        long skipped = super.skip(Math.min(Math.max(count, 0), left));
        if (skipped > 0) {
            left -= skipped;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), left);
    }
}
