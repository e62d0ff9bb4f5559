package dev.berth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Consumes a large response body like {@link HashingBody}, but hashes on a second thread while the first reads the
 * next chunk from the socket. A single-threaded client hashes at about 0.9 GB/s here and so caps both servers at
 * that rate; with the work split, what is measured is how fast the server sends.
 */
final class PipelinedHashingBody implements ResponseBody<HashingBody.Hashed> {
    private static final int CHUNK = 1 << 20;
    private static final int BUFFERS = 4;

    private record Chunk(byte[] bytes, int length) {}

    private static final Chunk END = new Chunk(new byte[0], -1);

    @Override
    public HashingBody.Hashed read(InputStream in) throws IOException {
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[CHUNK]);
        }
        MessageDigest hasher = Sha256.hasher();
        CompletableFuture<Void> hashing = CompletableFuture.runAsync(() -> hashAll(hasher, full, free));
        long bytes = 0;
        try {
            while (true) {
                byte[] buffer = free.take();
                int read = in.readNBytes(buffer, 0, CHUNK);
                if (read <= 0) {
                    break;
                }
                bytes += read;
                full.put(new Chunk(buffer, read));
            }
            full.put(END);
            hashing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            hashing.cancel(true);
        }
        return new HashingBody.Hashed(Sha256.format(hasher), bytes);
    }

    private static void hashAll(MessageDigest hasher, BlockingQueue<Chunk> full, BlockingQueue<byte[]> free) {
        try {
            for (Chunk chunk = full.take(); chunk != END; chunk = full.take()) {
                hasher.update(chunk.bytes(), 0, chunk.length());
                free.put(chunk.bytes());
            }
        } catch (InterruptedException e) {
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
