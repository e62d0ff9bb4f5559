package dev.berth.storage.fs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Feeds a digest with the chunks of a stream in order. A stream that fits one buffer is hashed on the caller's
 * thread; a longer one is hashed on a second thread while the caller reads and writes the next chunk, so a large
 * upload costs about the longer of hashing and copying rather than their sum.
 */
final class PipelinedHasher implements AutoCloseable {
    private static final int IN_FLIGHT = 3;

    private final MessageDigest digest;
    private final BlockingQueue<Chunk> pending = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final BlockingQueue<byte[]> hashed = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    private Thread worker;
    private int lent;
    private volatile Throwable failure;

    private record Chunk(byte[] buffer, int length) {}

    private static final Chunk END = new Chunk(new byte[0], 0);

    PipelinedHasher(MessageDigest digest) {
        this.digest = digest;
    }

    /**
     * Takes the first {@code length} bytes of the buffer for hashing, and returns a buffer the caller may fill next
     * (the same one when it was hashed at once).
     */
    byte[] accept(byte[] buffer, int length) throws IOException {
        if (worker == null && length < buffer.length) {
            digest.update(buffer, 0, length);
            return buffer;
        }
        if (worker == null) {
            worker = Thread.ofVirtual().name("berth-hasher").start(this::hashUntilEnd);
        }
        put(new Chunk(buffer, length));
        byte[] next = hashed.poll();
        if (next != null) {
            return next;
        }
        if (lent < IN_FLIGHT) {
            lent++;
            return Buffers.take();
        }
        return take();
    }

    /** Waits until every accepted chunk is in the digest. */
    void finish() throws IOException {
        if (worker == null) {
            return;
        }
        put(END);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        }
        worker = null;
        if (failure != null) {
            throw new IOException("hashing failed", failure);
        }
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.interrupt();
        }
        byte[] buffer;
        while ((buffer = hashed.poll()) != null) {
            Buffers.give(buffer);
        }
    }

    private void hashUntilEnd() {
        try {
            for (Chunk chunk = pending.take(); chunk != END; chunk = pending.take()) {
                digest.update(chunk.buffer(), 0, chunk.length());
                hashed.put(chunk.buffer());
            }
        } catch (InterruptedException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void put(Chunk chunk) throws IOException {
        try {
            pending.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        }
    }

    private byte[] take() throws IOException {
        try {
            return hashed.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        }
    }
}
