package dev.berth.storage.fs;

import dev.berth.core.spi.BufferedBody;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Feeds a digest with the parts of a {@link BufferedBody} in order and releases each once hashed. Small parts are
 * hashed on the caller's thread; from the first large one on, a second thread hashes while the caller writes the
 * next part, so a large upload costs about the longer of hashing and writing rather than their sum.
 */
final class PartHasher implements AutoCloseable {
    private static final int HASH_HERE_BELOW = 64 * 1024;
    private static final int IN_FLIGHT = 4;
    private static final BufferedBody.Part END = new Hashed(ByteBuffer.allocate(0));

    private final MessageDigest digest;
    private final BlockingQueue<BufferedBody.Part> pending = new ArrayBlockingQueue<>(IN_FLIGHT);
    private Thread worker;
    private volatile Throwable failure;

    PartHasher(MessageDigest digest) {
        this.digest = digest;
    }

    /** Takes the part for hashing; it is released once hashed, or when this hasher is closed. */
    void accept(BufferedBody.Part part) throws IOException {
        if (worker == null && part.bytes().remaining() < HASH_HERE_BELOW) {
            try {
                digest.update(part.bytes());
            } finally {
                part.release();
            }
            return;
        }
        if (worker == null) {
            worker = Thread.ofVirtual().name("berth-hasher").start(this::hashUntilEnd);
        }
        put(part);
    }

    /** Waits until every accepted part is in the digest. */
    void finish() throws IOException {
        if (worker == null) {
            return;
        }
        put(END);
        join();
        if (failure != null) {
            throw new IOException("hashing failed", failure);
        }
    }

    /** Stops hashing and releases every part not hashed yet. */
    @Override
    public void close() {
        if (worker != null) {
            worker.interrupt();
            try {
                join();
            } catch (InterruptedIOException e) {
                // the parts left are released below all the same
            }
        }
        BufferedBody.Part part;
        while ((part = pending.poll()) != null) {
            part.release();
        }
    }

    private void hashUntilEnd() {
        try {
            for (BufferedBody.Part part = pending.take(); part != END; part = pending.take()) {
                try {
                    digest.update(part.bytes());
                } finally {
                    part.release();
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            failure = e;
        }
    }

    private void put(BufferedBody.Part part) throws IOException {
        try {
            while (!pending.offer(part, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null) {
                    part.release();
                    throw new IOException("hashing failed", failure);
                }
            }
        } catch (InterruptedException e) {
            part.release();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        }
    }

    private void join() throws InterruptedIOException {
        try {
            worker.join();
            worker = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        }
    }

    private record Hashed(ByteBuffer bytes) implements BufferedBody.Part {
        @Override
        public void release() {}
    }
}
