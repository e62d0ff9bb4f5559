package dev.berth.http.oci;

import dev.berth.core.oci.Digest;
import dev.berth.core.oci.MediaTypes;
import dev.berth.core.registry.BlobService;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.BlobStore.BlobReader;
import dev.berth.http.server.Exchange;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Optional;

/** {@code /v2/<name>/blobs/<digest>}: fetch (whole or a byte range), check and delete blobs. */
final class BlobHandler implements OciHandler {
    /** Below this, a blob is sent through a pooled buffer; above it, straight from the mapped file. */
    private static final long MAPPED_MINIMUM = 1024 * 1024;

    private final BlobService blobs;

    BlobHandler(BlobService blobs) {
        this.blobs = blobs;
    }

    @Override
    public void handle(Exchange exchange, RepositoryRef repository, Route route) throws IOException {
        Methods.require(exchange, "GET", "HEAD", "DELETE");
        Digest digest = Digest.parse(route.argument());
        if ("DELETE".equals(exchange.method())) {
            blobs.delete(repository, digest);
            exchange.send(202);
            return;
        }
        try (BlobReader reader = blobs.open(repository, digest)) {
            send(exchange, digest, reader);
        }
    }

    private static void send(Exchange exchange, Digest digest, BlobReader reader) throws IOException {
        long size = reader.size();
        exchange.header("Docker-Content-Digest", digest.toString());
        exchange.header("ETag", "\"" + digest + "\"");
        exchange.header("Accept-Ranges", "bytes");
        exchange.header("Content-Type", MediaTypes.OCTET_STREAM);
        Optional<ByteRange> range = exchange.header("Range").flatMap(h -> ByteRange.parse(h, size));
        if (range.isPresent() && !range.get().satisfiable()) {
            exchange.header("Content-Range", "bytes */" + size);
            exchange.send(416);
            return;
        }
        long start = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        if (range.isPresent()) {
            exchange.header("Content-Range", "bytes " + start + "-" + (start + length - 1) + "/" + size);
        }
        exchange.status(range.isPresent() ? 206 : 200);
        exchange.header("Content-Length", Long.toString(length));
        Optional<FileChannel> file = reader.localFile();
        if (file.isPresent() && length >= MAPPED_MINIMUM) {
            exchange.stream(file.get(), start, length);
        } else {
            exchange.stream(reader.channel(start), length);
        }
    }
}
