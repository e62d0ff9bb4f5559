package dev.berth.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written {@link BufferedBody}: bytes served in parts of the given sizes, each in a fresh direct buffer, as a
 * server hands out what it read from the socket. Counts parts not yet released, and can fail after some parts.
 */
final class PartedBody extends InputStream implements BufferedBody {
    private final byte[] content;
    private final int[] sizes;
    private final int failAfterParts;
    private final AtomicInteger unreleased = new AtomicInteger();
    private int served;
    private int offset;

    PartedBody(byte[] content, int[] sizes, int failAfterParts) {
        this.content = content;
        this.sizes = sizes.clone();
        this.failAfterParts = failAfterParts;
    }

    /** Cuts the content into parts of the given sizes in turn, the last one taking what is left. */
    static PartedBody of(byte[] content, int... sizes) {
        return new PartedBody(content, sizes, Integer.MAX_VALUE);
    }

    static PartedBody failingAfter(int parts, byte[] content, int... sizes) {
        return new PartedBody(content, sizes, parts);
    }

    int unreleased() {
        return unreleased.get();
    }

    @Override
    public Optional<Part> next() throws IOException {
        if (served == failAfterParts) {
            throw new IOException("client went away");
        }
        if (offset == content.length) {
            return Optional.empty();
        }
        int size = Math.min(sizes[served % sizes.length], content.length - offset);
        ByteBuffer bytes =
                ByteBuffer.allocateDirect(size).put(content, offset, size).flip();
        offset += size;
        served++;
        unreleased.incrementAndGet();
        return Optional.of(new CountedPart(bytes));
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) {
        if (offset == content.length) {
            return -1;
        }
        int count = Math.min(len, content.length - offset);
        System.arraycopy(content, offset, buffer, off, count);
        offset += count;
        return count;
    }

    private final class CountedPart implements Part {
        private final ByteBuffer bytes;
        private boolean released;

        CountedPart(ByteBuffer bytes) {
            this.bytes = bytes;
        }

        @Override
        public ByteBuffer bytes() {
            return bytes;
        }

        @Override
        public synchronized void release() {
            if (released) {
                throw new IllegalStateException("released twice");
            }
            released = true;
            unreleased.decrementAndGet();
        }
    }
}
