package dev.berth.http.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * The tests' client of the OCI API: plain requests by method, and the registry actions (push a blob, push a
 * manifest, open an upload) as one call each. Headers are given as name, value pairs.
 */
final class RegistryClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI base;
    private final HttpClient http;

    RegistryClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Drops the client's connections, so that the server stops without waiting for them. */
    void close() {
        http.shutdownNow();
    }

    URI base() {
        return base;
    }

    Reply get(String path, String... headers) {
        return send("GET", path, BodyPublishers.noBody(), headers);
    }

    Reply head(String path, String... headers) {
        return send("HEAD", path, BodyPublishers.noBody(), headers);
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, BodyPublishers.noBody(), headers);
    }

    Reply post(String path, byte[] body, String... headers) {
        return send("POST", path, BodyPublishers.ofByteArray(body), headers);
    }

    Reply put(String path, byte[] body, String... headers) {
        return send("PUT", path, BodyPublishers.ofByteArray(body), headers);
    }

    Reply patch(String path, byte[] body, String... headers) {
        return send("PATCH", path, BodyPublishers.ofByteArray(body), headers);
    }

    /** A PATCH whose body is sent chunked, without a Content-Length. */
    Reply patchStreamed(String path, byte[] body, String... headers) {
        return send("PATCH", path, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), headers);
    }

    /** A request of any method without a body. */
    Reply request(String method, String path, String... headers) {
        return send(method, path, BodyPublishers.noBody(), headers);
    }

    /** Sends a request to the path exactly as written (not normalised), with a query if it has one. */
    Reply send(String method, String path, BodyPublisher body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var response = http.send(request.build(), BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens an upload, asserting it was accepted; returns where to send its chunks. */
    String startUpload(String repository) {
        Reply reply = post("/v2/" + repository + "/blobs/uploads/", new byte[0]).assertStatus(202);
        return reply.header("Location");
    }

    /** Pushes a blob the way most clients do (POST, then PUT with the digest) and returns its digest. */
    Digest pushBlob(String repository, byte[] content) {
        Digest digest = Digest.sha256(content);
        Reply reply = put(withQuery(startUpload(repository), "digest=" + digest), content);
        assertEquals(201, reply.status(), () -> "blob push answered " + reply.text());
        return digest;
    }

    Reply putManifest(String repository, String reference, String mediaType, byte[] content) {
        return put("/v2/" + repository + "/manifests/" + reference, content, "Content-Type", mediaType);
    }

    /** Pushes a manifest, asserting it was created, and returns its digest as the registry reports it. */
    Digest pushManifest(String repository, String reference, String mediaType, byte[] content) {
        Reply reply = putManifest(repository, reference, mediaType, content);
        assertEquals(201, reply.status(), () -> "manifest push answered " + reply.text());
        return Digest.parse(reply.header("Docker-Content-Digest"));
    }

    /** Pushes a small image (config, one layer, OCI manifest) under a tag and returns it. */
    TestImages.Pushed pushImage(String repository, String tag) {
        byte[] config = TestImages.uniqueConfig();
        byte[] layer = TestImages.randomBytes(1024);
        pushBlob(repository, config);
        pushBlob(repository, layer);
        byte[] manifest = TestImages.ociManifest(
                TestImages.descriptor(TestImages.OCI_CONFIG, config),
                TestImages.descriptor(TestImages.OCI_LAYER, layer));
        Digest digest = pushManifest(repository, tag, TestImages.OCI_MANIFEST, manifest);
        return new TestImages.Pushed(digest, TestImages.OCI_MANIFEST, manifest);
    }

    /** Pushes a small Docker v2 schema 2 image under a tag and returns it. */
    TestImages.Pushed pushDockerImage(String repository, String tag) {
        byte[] config = TestImages.uniqueConfig();
        byte[] layer = TestImages.randomBytes(512);
        pushBlob(repository, config);
        pushBlob(repository, layer);
        byte[] manifest = TestImages.dockerManifest(
                TestImages.descriptor(TestImages.DOCKER_CONFIG, config),
                TestImages.descriptor(TestImages.DOCKER_LAYER, layer));
        Digest digest = pushManifest(repository, tag, TestImages.DOCKER_MANIFEST, manifest);
        return new TestImages.Pushed(digest, TestImages.DOCKER_MANIFEST, manifest);
    }

    /** Pushes an index (OCI or Docker list) of the given entries under a reference and returns it. */
    TestImages.Pushed pushIndex(String repository, String reference, String mediaType, String... entries) {
        byte[] index = TestImages.index(mediaType, entries);
        Digest digest = pushManifest(repository, reference, mediaType, index);
        return new TestImages.Pushed(digest, mediaType, index);
    }

    Reply getManifest(String repository, String reference, String... headers) {
        return get("/v2/" + repository + "/manifests/" + reference, headers);
    }

    Reply getBlob(String repository, Object digest, String... headers) {
        return get("/v2/" + repository + "/blobs/" + digest, headers);
    }

    /** Appends a query parameter to a Location the registry handed out. */
    static String withQuery(String location, String parameter) {
        return location + (location.contains("?") ? "&" : "?") + parameter;
    }
}
