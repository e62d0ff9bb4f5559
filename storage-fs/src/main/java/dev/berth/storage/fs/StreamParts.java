package dev.berth.storage.fs;

import dev.berth.core.spi.BufferedBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;

/** A plain stream read as parts, each a pooled buffer that goes back to the pool when released. */
final class StreamParts implements BufferedBody {
    private final InputStream content;

    StreamParts(InputStream content) {
        this.content = content;
    }

    @Override
    public Optional<Part> next() throws IOException {
        byte[] buffer = Buffers.take();
        int read;
        try {
            read = content.readNBytes(buffer, 0, buffer.length);
        } catch (IOException | RuntimeException e) {
            Buffers.give(buffer);
            throw e;
        }
        if (read == 0) {
            Buffers.give(buffer);
            return Optional.empty();
        }
        return Optional.of(new PooledPart(buffer, read));
    }

    private record PooledPart(byte[] buffer, int length) implements Part {
        @Override
        public ByteBuffer bytes() {
            return ByteBuffer.wrap(buffer, 0, length);
        }

        @Override
        public void release() {
            Buffers.give(buffer);
        }
    }
}
