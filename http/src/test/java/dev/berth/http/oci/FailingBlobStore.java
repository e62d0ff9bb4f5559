package dev.berth.http.oci;

import dev.berth.core.oci.Digest;
import dev.berth.core.spi.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import java.util.Optional;

/**
 * A blob store that passes through to a real one until told to fail: then every call throws, or reads break off
 * after some bytes. The failure message names a path a client must never see.
 */
final class FailingBlobStore implements BlobStore {
    static final String SECRET = "/srv/berth/secret-volume";

    private BlobStore delegate;
    private volatile boolean failing;
    private volatile boolean failingUnchecked;
    private volatile long readsBreakAfter = -1;

    /** Wraps the real store; for {@link RegistryServer#withBlobStore}. */
    BlobStore wrap(BlobStore real) {
        this.delegate = real;
        return this;
    }

    void failEveryCall() {
        failing = true;
    }

    void failEveryCallUnchecked() {
        failingUnchecked = true;
    }

    void breakReadsAfter(long bytes) {
        readsBreakAfter = bytes;
    }

    void heal() {
        failing = false;
        failingUnchecked = false;
        readsBreakAfter = -1;
    }

    private void maybeFail() throws IOException {
        if (failing) {
            throw new IOException("disk full at " + SECRET);
        }
        if (failingUnchecked) {
            throw new IllegalStateException("corrupt index at " + SECRET);
        }
    }

    @Override
    public Optional<Long> size(Digest digest) throws IOException {
        maybeFail();
        return delegate.size(digest);
    }

    @Override
    public Optional<BlobReader> open(Digest digest) throws IOException {
        maybeFail();
        Optional<BlobReader> reader = delegate.open(digest);
        long limit = readsBreakAfter;
        return limit < 0 ? reader : reader.map(r -> new BreakingReader(r, limit));
    }

    @Override
    public boolean delete(Digest digest) throws IOException {
        maybeFail();
        return delegate.delete(digest);
    }

    @Override
    public void createUpload(String uploadId) throws IOException {
        maybeFail();
        delegate.createUpload(uploadId);
    }

    @Override
    public Optional<Long> uploadSize(String uploadId) throws IOException {
        maybeFail();
        return delegate.uploadSize(uploadId);
    }

    @Override
    public long append(String uploadId, InputStream content) throws IOException {
        maybeFail();
        return delegate.append(uploadId, content);
    }

    @Override
    public void truncate(String uploadId, long size) throws IOException {
        maybeFail();
        delegate.truncate(uploadId, size);
    }

    @Override
    public CommitResult commit(String uploadId, Digest expected) throws IOException {
        maybeFail();
        return delegate.commit(uploadId, expected);
    }

    @Override
    public void deleteUpload(String uploadId) throws IOException {
        maybeFail();
        delegate.deleteUpload(uploadId);
    }

    @Override
    public List<UploadEntry> uploads() throws IOException {
        maybeFail();
        return delegate.uploads();
    }

    @Override
    public void check() throws IOException {
        maybeFail();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    /** A reader whose channel fails once it has handed out {@code limit} bytes. */
    private record BreakingReader(BlobReader reader, long limit) implements BlobReader {
        @Override
        public long size() {
            return reader.size();
        }

        @Override
        public ReadableByteChannel channel(long offset) throws IOException {
            ReadableByteChannel channel = reader.channel(offset);
            return new ReadableByteChannel() {
                private long served;

                @Override
                public int read(ByteBuffer buffer) throws IOException {
                    if (served >= limit) {
                        throw new IOException("read error at " + SECRET);
                    }
                    int allowed = (int) Math.min(buffer.remaining(), limit - served);
                    int read = channel.read(buffer.limit(buffer.position() + allowed));
                    served += Math.max(read, 0);
                    return read;
                }

                @Override
                public boolean isOpen() {
                    return channel.isOpen();
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
