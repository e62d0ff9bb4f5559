package dev.berth.http.acr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.oci.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The tests' client: requests by method, and pushing a small image or an index in one call. Headers are given as
 * name, value pairs.
 */
final class AcrClient {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    AcrClient(URI base) {
        this.base = base;
    }

    void close() {
        http.shutdownNow();
    }

    /** A pushed manifest: its digest, its bytes, and the config and layer it names. */
    record Image(Digest digest, byte[] manifest, Digest config, Digest layer) {}

    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Reply head(String path, String... headers) {
        return send("HEAD", path, null, headers);
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    Reply patch(String path, String json, String... headers) {
        return send("PATCH", path, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    Reply put(String path, byte[] body, String... headers) {
        return send("PUT", path, body, headers);
    }

    Reply send(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
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

    Digest pushBlob(String repository, byte[] content) {
        Digest digest = Digest.sha256(content);
        Reply reply = send("POST", "/v2/" + repository + "/blobs/uploads/?digest=" + digest, content);
        assertEquals(201, reply.status(), () -> "blob push answered " + reply.text());
        return digest;
    }

    Reply putManifest(String repository, String reference, String mediaType, byte[] content) {
        return put("/v2/" + repository + "/manifests/" + reference, content, "Content-Type", mediaType);
    }

    /** Pushes an OCI image for the platform (a config naming it, one layer) under a reference. */
    Image pushImage(String repository, String reference, String architecture) {
        byte[] config = bytes(
                "{\"architecture\":\"" + architecture + "\",\"os\":\"linux\",\"id\":\"" + UUID.randomUUID() + "\"}");
        byte[] layer = bytes(UUID.randomUUID().toString());
        Digest configDigest = pushBlob(repository, config);
        Digest layerDigest = pushBlob(repository, layer);
        byte[] manifest = bytes("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":"
                + descriptor(OCI_CONFIG, configDigest, config.length) + ",\"layers\":["
                + descriptor(OCI_LAYER, layerDigest, layer.length) + "]}");
        Reply reply = putManifest(repository, reference, OCI_MANIFEST, manifest);
        assertEquals(201, reply.status(), () -> "manifest push answered " + reply.text());
        return new Image(Digest.parse(reply.header("Docker-Content-Digest")), manifest, configDigest, layerDigest);
    }

    Image pushImage(String repository, String reference) {
        return pushImage(repository, reference, "amd64");
    }

    /** Pushes an OCI index of the images, each for linux on its architecture, under a reference. */
    Digest pushIndex(String repository, String reference, Image amd64, Image arm64) {
        byte[] index = bytes("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":["
                + platform(amd64, "amd64") + "," + platform(arm64, "arm64") + "]}");
        Reply reply = putManifest(repository, reference, OCI_INDEX, index);
        assertEquals(201, reply.status(), () -> "index push answered " + reply.text());
        return Digest.parse(reply.header("Docker-Content-Digest"));
    }

    static String uniqueRepository(String prefix) {
        return prefix + "/" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String platform(Image image, String architecture) {
        return "{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + image.digest() + "\",\"size\":"
                + image.manifest().length + ",\"platform\":{\"architecture\":\"" + architecture
                + "\",\"os\":\"linux\"}}";
    }

    private static String descriptor(String mediaType, Digest digest, long size) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size + "}";
    }
}
