package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.OCI_CONFIG;
import static dev.berth.http.oci.TestImages.OCI_LAYER;
import static dev.berth.http.oci.TestImages.OCI_MANIFEST;
import static dev.berth.http.oci.TestImages.descriptor;
import static dev.berth.http.oci.TestImages.ociManifest;
import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueConfig;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.MovableClock;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import dev.berth.core.tier.Tier;
import dev.berth.http.TestTiers;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A push that would take the registry past its tier's maximum storage is refused with 403 {@code DENIED}; one that
 * fills it exactly is not. A blob the registry holds already costs nothing more.
 */
class StorageQuotaEndpointTest {
    private static final long MAX = 1000;

    /** Basic allows 1000 bytes; Standard, for a registry moved to a smaller tier, 999. */
    @RegisterExtension
    final RegistryServer server = RegistryServer.limited(TestTiers.storage(MAX, MAX - 1), new MovableClock());

    private final String repository = uniqueRepository("quota");

    private RegistryClient client() {
        return server.client();
    }

    private Reply postWhole(String repository, byte[] content) {
        return client().post("/v2/" + repository + "/blobs/uploads/?digest=" + Digest.sha256(content), content);
    }

    private Reply putWhole(String repository, byte[] content) {
        String location = client().startUpload(repository);
        return client().put(RegistryClient.withQuery(location, "digest=" + Digest.sha256(content)), content);
    }

    /** Sends the content in a PATCH, then finishes with an empty PUT; returns the PUT's answer. */
    private Reply chunked(String location, byte[] content) {
        client().patch(location, content, "Content-Range", "0-" + (content.length - 1))
                .assertStatus(202);
        return client().put(RegistryClient.withQuery(location, "digest=" + Digest.sha256(content)), new byte[0]);
    }

    private static void assertQuotaExceeded(Reply reply, String usage) {
        reply.assertError(403, ErrorCode.DENIED);
        assertTrue(reply.text().contains("registry storage quota exceeded: " + usage), reply.text());
        assertTrue(reply.text().contains("\"reason\":\"QUOTA_EXCEEDED\""), reply.text());
    }

    @Test
    void aMonolithicPostThatFillsTheRegistryExactlyIsAllowedAndOneByteMoreIsRefused() {
        postWhole(repository, randomBytes(600)).assertStatus(201);
        postWhole(repository, randomBytes(400)).assertStatus(201);
        byte[] one = randomBytes(1);
        assertQuotaExceeded(postWhole(repository, one), "1000 B used of 1000 B (Basic), and this push needs 1 B more");
        client().getBlob(repository, Digest.sha256(one)).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void aMonolithicPutThatFillsTheRegistryExactlyIsAllowedAndOneByteMoreIsRefused() {
        putWhole(repository, randomBytes(999)).assertStatus(201);
        byte[] two = randomBytes(2);
        assertQuotaExceeded(putWhole(repository, two), "999 B used of 1000 B (Basic), and this push needs 2 B more");
        client().getBlob(repository, Digest.sha256(two)).assertError(404, ErrorCode.BLOB_UNKNOWN);
        putWhole(repository, randomBytes(1)).assertStatus(201);
    }

    @Test
    void aChunkedUploadThatFillsTheRegistryExactlyIsAllowedAndOneByteMoreIsRefusedAndDiscarded() {
        postWhole(repository, randomBytes(500)).assertStatus(201);
        chunked(client().startUpload(repository), randomBytes(500)).assertStatus(201);
        String location = client().startUpload(repository);
        byte[] one = randomBytes(1);
        assertQuotaExceeded(chunked(location, one), "1000 B used of 1000 B (Basic), and this push needs 1 B more");
        client().get(location).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client().getBlob(repository, Digest.sha256(one)).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void aBlobTheRegistryHoldsAlreadyCostsNothingMore() {
        byte[] full = randomBytes((int) MAX);
        postWhole(repository, full).assertStatus(201);
        postWhole(uniqueRepository("quota"), full).assertStatus(201);
        putWhole(uniqueRepository("quota"), full).assertStatus(201);
        chunked(client().startUpload(uniqueRepository("quota")), full).assertStatus(201);
        assertQuotaExceeded(postWhole(repository, randomBytes(1)), "1000 B used of 1000 B (Basic)");
    }

    @Test
    void aMountIsAllowedAtTheLimitAndRefusedOverIt() throws IOException {
        byte[] full = randomBytes((int) MAX);
        Digest digest = Digest.sha256(full);
        postWhole(repository, full).assertStatus(201);
        String mount = "/blobs/uploads/?mount=" + digest + "&from=" + repository;
        client().post("/v2/" + uniqueRepository("mounted") + mount, new byte[0]).assertStatus(201);
        long id = server.metadata().registries().find("default").orElseThrow().id();
        server.metadata().registries().setTier(id, Tier.STANDARD);
        String target = uniqueRepository("mounted");
        assertQuotaExceeded(client().post("/v2/" + target + mount, new byte[0]), "1000 B used of 999 B (Standard)");
        client().getBlob(target, digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void aManifestCountsItsOwnSizeAndOnlyOncePerRepository() {
        byte[] config = uniqueConfig();
        int manifestSize =
                ociManifest(descriptor(OCI_CONFIG, config), descriptor(OCI_LAYER, Digest.sha256(config), 100)).length;
        byte[] layer = randomBytes((int) MAX - config.length - manifestSize);
        byte[] manifest = ociManifest(descriptor(OCI_CONFIG, config), descriptor(OCI_LAYER, layer));
        assertEquals(MAX, config.length + layer.length + manifest.length, "layer size has three digits");
        client().pushBlob(repository, config);
        client().pushBlob(repository, layer);
        client().putManifest(repository, "v1", OCI_MANIFEST, manifest).assertStatus(201);
        client().putManifest(repository, "v2", OCI_MANIFEST, manifest).assertStatus(201);
        byte[] configOnly = ociManifest(descriptor(OCI_CONFIG, config));
        Reply refused = client().putManifest(repository, "v3", OCI_MANIFEST, configOnly);
        assertQuotaExceeded(
                refused, "1000 B used of 1000 B (Basic), and this push needs " + configOnly.length + " B more");
        client().getManifest(repository, "v3").assertError(404, ErrorCode.MANIFEST_UNKNOWN);
    }
}
