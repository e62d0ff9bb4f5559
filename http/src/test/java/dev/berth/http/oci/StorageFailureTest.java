package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** When storage fails, the client gets a 500 UNKNOWN that names the request id and nothing of the failure. */
class StorageFailureTest {
    private static final FailingBlobStore storage = new FailingBlobStore();

    @RegisterExtension
    static final RegistryServer server = RegistryServer.withBlobStore(storage::wrap);

    private final RegistryClient client = server.client();
    private final String repository = uniqueRepository("faults");

    @AfterEach
    void heal() {
        storage.heal();
    }

    @Test
    void aStorageFailureAnswers500UnknownNamingOnlyTheRequestId() {
        Digest digest = client.pushBlob(repository, randomBytes(100));
        storage.failEveryCall();
        assertOpaqueFailure(client.getBlob(repository, digest));
        assertOpaqueFailure(client.post("/v2/" + repository + "/blobs/uploads/", new byte[0]));
        assertEquals(
                500,
                client.head("/v2/" + repository + "/blobs/" + digest)
                        .assertHeadError(500)
                        .status());
    }

    @Test
    void anUncheckedStorageFailureAnswers500UnknownToo() {
        Digest digest = client.pushBlob(repository, randomBytes(100));
        storage.failEveryCallUnchecked();
        assertOpaqueFailure(client.getBlob(repository, digest));
    }

    @Test
    void aFailureWhileFinishingAnUploadLeavesNoBlobAndTheUploadResumable() {
        byte[] content = randomBytes(100);
        Digest digest = Digest.sha256(content);
        String location = client.startUpload(repository);
        client.patch(location, content).assertStatus(202);
        storage.failEveryCall();
        assertOpaqueFailure(client.put(RegistryClient.withQuery(location, "digest=" + digest), new byte[0]));
        storage.heal();
        client.getBlob(repository, digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
        assertEquals("0-99", client.get(location).assertStatus(204).header("Range"));
        client.put(RegistryClient.withQuery(location, "digest=" + digest), new byte[0])
                .assertStatus(201);
    }

    @Test
    void aBlobThatBreaksOffMidStreamCutsTheConnectionRatherThanLookWhole() {
        byte[] content = randomBytes(1024 * 1024);
        Digest digest = client.pushBlob(repository, content);
        storage.breakReadsAfter(300 * 1024);
        assertThrows(UncheckedIOException.class, () -> client.getBlob(repository, digest));
        storage.heal();
        assertArrayEquals(
                content, client.getBlob(repository, digest).assertStatus(200).body());
    }

    private static void assertOpaqueFailure(Reply reply) {
        reply.assertError(500, ErrorCode.UNKNOWN);
        String requestId = reply.header("X-Request-Id");
        assertTrue(reply.text().contains(requestId), reply.text());
        assertFalse(reply.text().contains(FailingBlobStore.SECRET), reply.text());
        assertFalse(reply.text().contains("disk full"), reply.text());
    }
}
