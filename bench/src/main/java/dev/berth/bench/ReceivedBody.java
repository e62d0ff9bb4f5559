package dev.berth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Receives a large body into memory set aside before the request, so the client only copies bytes off the socket
 * while the clock runs; the digest is checked afterwards with {@link #digest()}. One SHA-256 stream hashes at about
 * 1 GB/s here, so hashing while receiving measures the client's hash rate, not the server.
 */
final class ReceivedBody implements ResponseBody<ReceivedBody> {
    private static final int CHUNK = 1 << 20;

    private final byte[][] chunks;
    private long bytes;

    ReceivedBody(long expectedSize) {
        chunks = new byte[(int) ((expectedSize + CHUNK - 1) / CHUNK) + 1][];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = new byte[CHUNK];
        }
    }

    @Override
    public ReceivedBody read(InputStream in) throws IOException {
        for (byte[] chunk : chunks) {
            int read = in.readNBytes(chunk, 0, CHUNK);
            bytes += read;
            if (read < CHUNK) {
                return this;
            }
        }
        if (in.read() >= 0) {
            throw new IOException("the body is longer than expected");
        }
        return this;
    }

    long bytes() {
        return bytes;
    }

    /** The digest of what arrived, computed now, outside any measurement. */
    String digest() {
        MessageDigest hasher = Sha256.hasher();
        long left = bytes;
        for (int i = 0; left > 0; i++) {
            int length = (int) Math.min(CHUNK, left);
            hasher.update(chunks[i], 0, length);
            left -= length;
        }
        return Sha256.format(hasher);
    }
}
