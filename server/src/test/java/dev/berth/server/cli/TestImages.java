package dev.berth.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Pushes small OCI images and artifacts to a registry's login server ({@code <registry>.localhost:PORT}) as the
 * administrator, so the CLI has something to show: one config and one layer, and artifacts whose subject is an image.
 */
final class TestImages {
    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    private final String origin;
    private final String authorization;

    TestImages(RunningBerth berth, String registry) {
        this.origin = "http://" + registry + ".localhost:" + berth.port();
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("admin:" + RunningBerth.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Pushes an image under the tag and returns its manifest's digest. */
    String push(String repository, String tag, String layerText) throws Exception {
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] layer = layerText.getBytes(StandardCharsets.UTF_8);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST + "\",\"config\":"
                + descriptor("application/vnd.oci.image.config.v1+json", blob(repository, config)) + ",\"layers\":["
                + descriptor("application/vnd.oci.image.layer.v1.tar", blob(repository, layer)) + "]}";
        return manifest(repository, tag, manifest);
    }

    /** Pushes an artifact that refers to the subject, by digest, and returns the artifact's digest. */
    String pushReferrer(String repository, String subject, String artifactType) throws Exception {
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST + "\",\"artifactType\":\"" + artifactType
                + "\",\"config\":" + descriptor("application/vnd.oci.empty.v1+json", blob(repository, empty))
                + ",\"layers\":[" + descriptor("application/vnd.oci.empty.v1+json", blob(repository, empty))
                + "],\"subject\":{\"mediaType\":\"" + MANIFEST + "\",\"digest\":\"" + subject + "\",\"size\":"
                + size(repository, subject) + "}}";
        String digest = digest(manifest.getBytes(StandardCharsets.UTF_8));
        return manifest(repository, digest, manifest);
    }

    private record Blob(String digest, int size) {}

    private Blob blob(String repository, byte[] content) throws Exception {
        String digest = digest(content);
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(URI.create(origin + "/v2/" + repository + "/blobs/uploads/?digest=" + digest))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
        assertEquals(201, response.statusCode(), response::body);
        return new Blob(digest, content.length);
    }

    private String manifest(String repository, String reference, String manifest) throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(origin + "/v2/" + repository + "/manifests/" + reference))
                        .header("Content-Type", MANIFEST)
                        .PUT(HttpRequest.BodyPublishers.ofString(manifest)));
        assertEquals(201, response.statusCode(), response::body);
        return response.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    private long size(String repository, String digest) throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(origin + "/v2/" + repository + "/manifests/" + digest))
                        .header("Accept", MANIFEST));
        assertEquals(200, response.statusCode(), response::body);
        return response.body().getBytes(StandardCharsets.UTF_8).length;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    request.header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String descriptor(String mediaType, Blob blob) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + blob.digest() + "\",\"size\":" + blob.size()
                + "}";
    }

    static String digest(byte[] content) throws Exception {
        return "sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
