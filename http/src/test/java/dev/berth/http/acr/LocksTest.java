package dev.berth.http.acr;

import static dev.berth.http.acr.AcrClient.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changeable attributes hold on every path, {@code /v2/} included: each attribute of a tag, a manifest and a
 * repository, against pushes, pulls, deletes and listings, refused with 403 {@code DENIED} naming the lock.
 */
class LocksTest {
    @RegisterExtension
    static final AcrServer server = new AcrServer();

    private final AcrClient client = server.client();
    private final String repository = uniqueRepository("locks");
    private AcrClient.Image image;

    @BeforeEach
    void pushImage() {
        image = client.pushImage(repository, "v1");
    }

    private void lockTag(String tag, String json) {
        client.patch("/acr/v1/" + repository + "/_tags/" + tag, json).assertStatus(200);
    }

    private void lockManifest(String json) {
        client.patch("/acr/v1/" + repository + "/_manifests/" + image.digest(), json)
                .assertStatus(200);
    }

    private void lockRepository(String json) {
        client.patch("/acr/v1/" + repository, json).assertStatus(200);
    }

    private Reply push(String reference) {
        return client.putManifest(
                repository,
                reference,
                AcrClient.OCI_MANIFEST,
                client.pushImage(repository, "other").manifest());
    }

    private static void assertDenied(Reply reply, String message) {
        reply.assertError(403, ErrorCode.DENIED);
        assertEquals(message, reply.message());
    }

    @Test
    void aWriteLockedTagCannotBeOverwrittenUntaggedOrDeletedWithItsManifest() {
        lockTag("v1", "{\"writeEnabled\":false}");
        String locked = "the tag " + repository + ":v1 is locked: writeEnabled is false";
        assertDenied(push("v1"), locked);
        assertDenied(client.delete("/v2/" + repository + "/manifests/v1"), locked);
        assertDenied(client.delete("/acr/v1/" + repository + "/_tags/v1"), locked);
        assertDenied(client.delete("/v2/" + repository + "/manifests/" + image.digest()), locked);
        assertDenied(client.delete("/acr/v1/" + repository), locked);
        assertEquals(
                image.digest().toString(),
                client.get("/v2/" + repository + "/manifests/v1").header("Docker-Content-Digest"));
        push("v2").assertStatus(201);
    }

    @Test
    void aDeleteLockedTagCanMoveButNotGo() {
        lockTag("v1", "{\"deleteEnabled\":false}");
        assertDenied(
                client.delete("/acr/v1/" + repository + "/_tags/v1"),
                "the tag " + repository + ":v1 is locked: deleteEnabled is false");
        push("v1").assertStatus(201);
    }

    @Test
    void lockingATagDoesNotLockItsManifestNorTheOtherWayRound() {
        client.putManifest(repository, "v2", AcrClient.OCI_MANIFEST, image.manifest())
                .assertStatus(201);
        lockTag("v1", "{\"writeEnabled\":false,\"readEnabled\":false}");
        client.get("/v2/" + repository + "/manifests/" + image.digest()).assertStatus(200);
        client.get("/v2/" + repository + "/manifests/v2").assertStatus(200);
        lockTag("v1", "{\"writeEnabled\":true,\"readEnabled\":true}");
        lockManifest("{\"writeEnabled\":false}");
        push("v1").assertStatus(201);
        client.delete("/acr/v1/" + repository + "/_tags/v2").assertStatus(202);
    }

    @Test
    void aDeleteOrWriteLockedManifestCannotBeDeleted() {
        lockManifest("{\"deleteEnabled\":false}");
        String path = "/v2/" + repository + "/manifests/" + image.digest();
        assertDenied(
                client.delete(path),
                "the manifest " + repository + "@" + image.digest() + " is locked: deleteEnabled is false");
        lockManifest("{\"deleteEnabled\":true,\"writeEnabled\":false}");
        assertDenied(
                client.delete("/acr/v1/" + repository + "/_manifests/" + image.digest()),
                "the manifest " + repository + "@" + image.digest() + " is locked: writeEnabled is false");
        assertDenied(
                client.delete("/acr/v1/" + repository),
                "the manifest " + repository + "@" + image.digest() + " is locked: writeEnabled is false");
        lockManifest("{\"writeEnabled\":true}");
        client.delete(path).assertStatus(202);
    }

    @Test
    void aReadLockedManifestCannotBePulledByDigestOrTagButItsBlobsCan() {
        lockManifest("{\"readEnabled\":false}");
        String message = "the manifest " + repository + "@" + image.digest() + " is locked: readEnabled is false";
        assertDenied(client.get("/v2/" + repository + "/manifests/" + image.digest()), message);
        assertDenied(client.get("/v2/" + repository + "/manifests/v1"), message);
        assertEquals(403, client.head("/v2/" + repository + "/manifests/v1").status());
        assertDenied(client.get("/v2/" + repository + "/blobs/" + image.digest()), message);
        client.get("/v2/" + repository + "/blobs/" + image.layer()).assertStatus(200);
        client.get("/v2/" + repository + "/blobs/" + image.config()).assertStatus(200);
        client.get("/acr/v1/" + repository + "/_manifests/" + image.digest()).assertStatus(200);
    }

    @Test
    void aReadLockedTagCannotBePulledThroughButItsManifestCanByDigest() {
        lockTag("v1", "{\"readEnabled\":false}");
        assertDenied(
                client.get("/v2/" + repository + "/manifests/v1"),
                "the tag " + repository + ":v1 is locked: readEnabled is false");
        client.get("/v2/" + repository + "/manifests/" + image.digest()).assertStatus(200);
    }

    @Test
    void anUnlistedTagIsHiddenFromEveryListButStillShownByName() {
        client.putManifest(repository, "v2", AcrClient.OCI_MANIFEST, image.manifest())
                .assertStatus(201);
        lockTag("v1", "{\"listEnabled\":false}");
        assertEquals(
                List.of("v2"), client.get("/v2/" + repository + "/tags/list").values("tags", null));
        assertEquals(
                List.of("v2"), client.get("/acr/v1/" + repository + "/_tags").values("tags", "name"));
        assertEquals(
                List.of("v2"),
                client.get("/acr/v1/" + repository + "/_manifests/" + image.digest())
                        .json()
                        .path("manifest")
                        .path("tags")
                        .valueStream()
                        .map(t -> t.asText())
                        .toList());
        client.get("/acr/v1/" + repository + "/_tags/v1").assertStatus(200);
        client.get("/v2/" + repository + "/manifests/v1").assertStatus(200);
    }

    @Test
    void anUnlistedManifestIsHiddenFromTheManifestList() {
        lockManifest("{\"listEnabled\":false}");
        assertEquals(
                List.of(), client.get("/acr/v1/" + repository + "/_manifests").values("manifests", "digest"));
        client.get("/acr/v1/" + repository + "/_manifests/" + image.digest()).assertStatus(200);
        assertEquals(
                List.of("v1"), client.get("/v2/" + repository + "/tags/list").values("tags", null));
    }

    @Test
    void aWriteLockedRepositoryRefusesPushesAndDeletesOfAnythingInIt() {
        lockRepository("{\"writeEnabled\":false}");
        String locked = "the repository " + repository + " is locked: writeEnabled is false";
        assertDenied(client.putManifest(repository, "v2", AcrClient.OCI_MANIFEST, image.manifest()), locked);
        assertDenied(
                client.putManifest(repository, image.digest().toString(), AcrClient.OCI_MANIFEST, image.manifest()),
                locked);
        assertDenied(client.delete("/v2/" + repository + "/manifests/v1"), locked);
        assertDenied(client.delete("/v2/" + repository + "/manifests/" + image.digest()), locked);
        assertDenied(client.delete("/v2/" + repository + "/blobs/" + image.layer()), locked);
        assertDenied(client.delete("/acr/v1/" + repository + "/_tags/v1"), locked);
        assertDenied(client.delete("/acr/v1/" + repository), locked);
        client.get("/v2/" + repository + "/manifests/v1").assertStatus(200);
        lockRepository("{\"writeEnabled\":true}");
        client.putManifest(repository, "v2", AcrClient.OCI_MANIFEST, image.manifest())
                .assertStatus(201);
    }

    @Test
    void aDeleteLockedRepositoryRefusesDeletesButTakesPushes() {
        lockRepository("{\"deleteEnabled\":false}");
        String locked = "the repository " + repository + " is locked: deleteEnabled is false";
        assertDenied(client.delete("/acr/v1/" + repository), locked);
        assertDenied(client.delete("/v2/" + repository + "/manifests/v1"), locked);
        client.putManifest(repository, "v2", AcrClient.OCI_MANIFEST, image.manifest())
                .assertStatus(201);
    }

    @Test
    void aReadLockedRepositoryRefusesEveryManifestPullButNotItsMetadata() {
        lockRepository("{\"readEnabled\":false}");
        String locked = "the repository " + repository + " is locked: readEnabled is false";
        assertDenied(client.get("/v2/" + repository + "/manifests/v1"), locked);
        assertDenied(client.get("/v2/" + repository + "/manifests/" + image.digest()), locked);
        client.get("/v2/" + repository + "/blobs/" + image.layer()).assertStatus(200);
        client.get("/acr/v1/" + repository).assertStatus(200);
    }

    @Test
    void anUnlistedRepositoryIsHiddenFromBothCatalogsAndListsNothing() {
        lockRepository("{\"listEnabled\":false}");
        assertFalse(client.get("/v2/_catalog").values("repositories", null).contains(repository));
        assertFalse(client.get("/acr/v1/_catalog").values("repositories", null).contains(repository));
        assertEquals(List.of(), client.get("/v2/" + repository + "/tags/list").values("tags", null));
        assertEquals(List.of(), client.get("/acr/v1/" + repository + "/_tags").values("tags", "name"));
        client.get("/acr/v1/" + repository).assertStatus(200);
        client.get("/v2/" + repository + "/manifests/v1").assertStatus(200);
        lockRepository("{\"listEnabled\":true}");
        assertTrue(client.get("/acr/v1/_catalog").values("repositories", null).contains(repository));
    }

    @Test
    void unlockingRestoresEverything() {
        lockManifest("{\"deleteEnabled\":false,\"writeEnabled\":false,\"readEnabled\":false,\"listEnabled\":false}");
        lockManifest("{\"deleteEnabled\":true,\"writeEnabled\":true,\"readEnabled\":true,\"listEnabled\":true}");
        client.get("/v2/" + repository + "/manifests/v1").assertStatus(200);
        client.delete("/v2/" + repository + "/manifests/" + image.digest()).assertStatus(202);
    }
}
