package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.OCI_MANIFEST;
import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import dev.berth.http.oci.TestImages.Pushed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ManifestDeleteTest {
    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private final RegistryClient client = server.client();
    private final String repository = uniqueRepository("deletes");

    @Test
    void deleteByDigestAnswers202AndRemovesTheManifestWithEveryTagOnIt() {
        Pushed image = client.pushImage(repository, "latest");
        client.pushManifest(repository, "v1", OCI_MANIFEST, image.content());
        Pushed other = client.pushImage(repository, "other");
        Reply reply = client.delete("/v2/" + repository + "/manifests/" + image.digest())
                .assertStatus(202);
        assertEquals("0", reply.header("Content-Length"));
        client.getManifest(repository, image.digest().toString()).assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.getManifest(repository, "latest").assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.getManifest(repository, "v1").assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        assertEquals(List.of("other"), tags());
        assertArrayEquals(
                other.content(), client.getManifest(repository, "other").body());
    }

    @Test
    void deleteByTagAnswers202AndRemovesOnlyTheTag() {
        Pushed image = client.pushImage(repository, "latest");
        client.pushManifest(repository, "v1", OCI_MANIFEST, image.content());
        client.delete("/v2/" + repository + "/manifests/latest").assertStatus(202);
        client.getManifest(repository, "latest").assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        assertArrayEquals(
                image.content(),
                client.getManifest(repository, image.digest().toString()).body());
        assertArrayEquals(image.content(), client.getManifest(repository, "v1").body());
        assertEquals(List.of("v1"), tags());
    }

    @Test
    void deleteOfAnUnknownTagOrDigestAnswers404ManifestUnknown() {
        Pushed image = client.pushImage(repository, "latest");
        client.delete("/v2/" + repository + "/manifests/nope").assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.delete("/v2/" + repository + "/manifests/" + Digest.sha256(randomBytes(3)))
                .assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.delete("/v2/" + repository + "/manifests/" + image.digest()).assertStatus(202);
        client.delete("/v2/" + repository + "/manifests/" + image.digest())
                .assertError(404, ErrorCode.MANIFEST_UNKNOWN);
    }

    @Test
    void aDeletedManifestCanBePushedAgain() {
        Pushed image = client.pushImage(repository, "latest");
        client.delete("/v2/" + repository + "/manifests/" + image.digest()).assertStatus(202);
        assertEquals(image.digest(), client.pushManifest(repository, "latest", OCI_MANIFEST, image.content()));
        assertArrayEquals(
                image.content(), client.getManifest(repository, "latest").body());
    }

    @Test
    void deletingAManifestLeavesItsBlobs() {
        byte[] layer = randomBytes(50);
        Digest layerDigest = client.pushBlob(repository, layer);
        byte[] config = TestImages.uniqueConfig();
        client.pushBlob(repository, config);
        byte[] manifest = TestImages.ociManifest(
                TestImages.descriptor(TestImages.OCI_CONFIG, config),
                TestImages.descriptor(TestImages.OCI_LAYER, layer));
        Digest digest = client.pushManifest(repository, "latest", OCI_MANIFEST, manifest);
        client.delete("/v2/" + repository + "/manifests/" + digest).assertStatus(202);
        assertArrayEquals(
                layer, client.getBlob(repository, layerDigest).assertStatus(200).body());
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        client.get("/v2/" + repository + "/tags/list")
                .assertStatus(200)
                .json()
                .get("tags")
                .forEach(t -> tags.add(t.asText()));
        return tags;
    }
}
