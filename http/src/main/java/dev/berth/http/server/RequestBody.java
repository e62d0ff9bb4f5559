package dev.berth.http.server;

import dev.berth.core.spi.BufferedBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Blocker;

/**
 * A request body read with blocking calls, as a stream or as the chunks Jetty read from the socket. A blob store
 * that takes the chunks writes Jetty's (direct) buffers straight to its file, saving the copy into an array and the
 * JDK's copy back out of it.
 */
final class RequestBody extends InputStream implements BufferedBody {
    private final Content.Source source;
    private Content.Chunk current;
    private boolean ended;

    RequestBody(Content.Source source) {
        this.source = source;
    }

    @Override
    public Optional<Part> next() throws IOException {
        Content.Chunk chunk = current != null ? current : nextWithBytes();
        current = null;
        return chunk == null ? Optional.empty() : Optional.of(new ChunkPart(chunk));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (current == null) {
            current = nextWithBytes();
            if (current == null) {
                return -1;
            }
        }
        ByteBuffer bytes = current.getByteBuffer();
        int count = Math.min(length, bytes.remaining());
        bytes.get(buffer, offset, count);
        if (!bytes.hasRemaining()) {
            current.release();
            current = null;
        }
        return count;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }

    @Override
    public void close() {
        if (current != null) {
            current.release();
            current = null;
        }
    }

    /** The next chunk that holds bytes, waiting for one to arrive; null at the end of the body. */
    private Content.Chunk nextWithBytes() throws IOException {
        while (!ended) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                awaitContent();
                continue;
            }
            if (Content.Chunk.isFailure(chunk)) {
                throw asIoException(chunk.getFailure());
            }
            ended = chunk.isLast();
            if (chunk.hasRemaining()) {
                return chunk;
            }
            chunk.release();
        }
        return null;
    }

    private void awaitContent() throws IOException {
        try (Blocker.Runnable blocker = Blocker.runnable()) {
            source.demand(blocker);
            blocker.block();
        }
    }

    private static IOException asIoException(Throwable failure) {
        return failure instanceof IOException io ? io : new IOException(failure);
    }

    private record ChunkPart(Content.Chunk chunk) implements Part {
        @Override
        public ByteBuffer bytes() {
            return chunk.getByteBuffer();
        }

        @Override
        public void release() {
            chunk.release();
        }
    }
}
