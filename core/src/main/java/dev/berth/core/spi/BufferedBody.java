package dev.berth.core.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A body that can hand out its bytes in the buffers they arrived in. The stream given to {@link BlobStore#append}
 * may implement it; a store can then write those buffers as they are (a direct buffer goes to the file without being
 * copied into the heap and out again) instead of reading the stream into an array of its own. Reading through
 * {@link #next()} continues where reading the stream stopped, and the other way round.
 */
public interface BufferedBody {

    /** The next part of the body, or empty at its end. */
    Optional<Part> next() throws IOException;

    /** Bytes of the body, valid until released; the holder may release them on any thread, once. */
    interface Part {
        ByteBuffer bytes();

        void release();
    }
}
