package dev.berth.bench;

import java.net.URI;
import java.nio.channels.FileChannel;

/**
 * Pushes blobs the two ways the spec offers and Distribution 2.8 accepts: monolithic ({@code POST} to open, then
 * {@code PUT ?digest=} with the whole body) and chunked ({@code PATCH}es with {@code Content-Range}, then an empty
 * {@code PUT ?digest=}). Each step follows the {@code Location} the server returned.
 */
final class BlobPusher {
    private static final String OCTETS = "application/octet-stream";

    private final RegistryHttp http;

    BlobPusher(RegistryHttp http) {
        this.http = http;
    }

    void pushMonolithic(String repository, String digest, RequestBody body) {
        finish(open(repository), digest, body);
    }

    void pushChunked(String repository, String digest, FileChannel file, long size, int chunkBytes) {
        URI upload = open(repository);
        for (long start = 0; start < size; start += chunkBytes) {
            long end = Math.min(size, start + chunkBytes) - 1;
            RegistryResponse<byte[]> response = http.send(
                    RegistryRequest.of("PATCH", upload, new FileBody(file, start, end - start + 1))
                            .header("Content-Type", OCTETS)
                            .header("Content-Range", start + "-" + end),
                    202);
            VerificationFailure.expectEqual("Range after PATCH", "0-" + end, response.requireHeader("Range"));
            upload = http.location(response);
        }
        finish(upload, digest, RequestBody.empty());
    }

    private URI open(String repository) {
        RegistryResponse<byte[]> response = http.send(
                RegistryRequest.of("POST", http.resolve("/v2/" + repository + "/blobs/uploads/"), RequestBody.empty()),
                202);
        return http.location(response);
    }

    private void finish(URI upload, String digest, RequestBody body) {
        RegistryResponse<byte[]> response = http.send(
                RegistryRequest.of("PUT", RegistryHttp.withQuery(upload, "digest", digest), body)
                        .header("Content-Type", OCTETS),
                201);
        VerificationFailure.expectEqual(
                "Docker-Content-Digest after push", digest, response.requireHeader("Docker-Content-Digest"));
    }
}
