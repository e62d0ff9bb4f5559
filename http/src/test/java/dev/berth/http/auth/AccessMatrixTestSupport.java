package dev.berth.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.oci.Digest;
import java.nio.charset.StandardCharsets;

/** Pushes a one-blob image as the administrator, for tests that need something to read. */
final class AccessMatrixTestSupport {
    private AccessMatrixTestSupport() {}

    static void push(SecuredRegistry registry, String repository) {
        byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.sha256(config);
        String admin = SecuredRegistry.basic("admin");
        assertEquals(
                201,
                registry.send("POST", "/v2/" + repository + "/blobs/uploads/?digest=" + digest, admin, config)
                        .statusCode());
        String manifest =
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":"
                        + "{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + digest
                        + "\",\"size\":2},\"layers\":[]}";
        assertEquals(
                201,
                registry.send(
                                "PUT",
                                "/v2/" + repository + "/manifests/v1",
                                admin,
                                manifest.getBytes(StandardCharsets.UTF_8),
                                "Content-Type",
                                "application/vnd.oci.image.manifest.v1+json")
                        .statusCode());
    }
}
