package dev.berth.core.registry;

import dev.berth.core.spi.BlobStore.BlobReader;
import java.io.ByteArrayInputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;

/** A blob reader over bytes already in memory, such as a manifest. */
final class ByteArrayBlobReader implements BlobReader {
    private final byte[] content;

    ByteArrayBlobReader(byte[] content) {
        this.content = content;
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public ReadableByteChannel channel(long offset) {
        int start = (int) Math.min(offset, content.length);
        return Channels.newChannel(new ByteArrayInputStream(content, start, content.length - start));
    }

    @Override
    public void close() {}
}
