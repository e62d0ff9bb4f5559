package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST ?mount=&from=}: linking a blob another repository holds, or falling back to an ordinary upload. */
class MountTest {
    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private final RegistryClient client = server.client();
    private final String repository = uniqueRepository("mounts");
    private final byte[] content = randomBytes(300);
    private final Digest digest = Digest.sha256(content);

    @Test
    void aMountFromARepositoryHoldingTheBlobAnswers201() {
        String source = uniqueRepository("uploads");
        client.pushBlob(source, content);
        Reply reply = client.post(
                        "/v2/" + repository + "/blobs/uploads/?mount=" + digest + "&from=" + source, new byte[0])
                .assertStatus(201);
        assertEquals("/v2/" + repository + "/blobs/" + digest, reply.header("Location"));
        assertEquals(digest.toString(), reply.header("Docker-Content-Digest"));
        assertArrayEquals(
                content, client.getBlob(repository, digest).assertStatus(200).body());
    }

    @Test
    void aMountFromARepositoryWithoutTheBlobOpensAnUploadInstead() {
        String source = uniqueRepository("uploads");
        client.pushBlob(source, randomBytes(4));
        for (String from : new String[] {source, uniqueRepository("nobody"), "Not-A-Name"}) {
            Reply reply = client.post(
                            "/v2/" + repository + "/blobs/uploads/?mount=" + digest + "&from=" + from, new byte[0])
                    .assertStatus(202);
            assertTrue(reply.header("Location").startsWith("/v2/" + repository + "/blobs/uploads/"));
            assertEquals("0-0", reply.header("Range"));
        }
        client.getBlob(repository, digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void aMountWithoutFromOpensAnUpload() {
        client.post("/v2/" + repository + "/blobs/uploads/?mount=" + digest, new byte[0])
                .assertStatus(202);
    }

    @Test
    void aMountOfAMalformedDigestAnswers400DigestInvalid() {
        String source = uniqueRepository("uploads");
        client.pushBlob(source, content);
        client.post("/v2/" + repository + "/blobs/uploads/?mount=sha256:nothex&from=" + source, new byte[0])
                .assertError(400, ErrorCode.DIGEST_INVALID);
    }

    @Test
    void aBlobDeletedFromTheSourceCannotBeMountedFromIt() {
        String source = uniqueRepository("mounts");
        client.pushBlob(source, content);
        client.delete("/v2/" + source + "/blobs/" + digest).assertStatus(202);
        client.post("/v2/" + repository + "/blobs/uploads/?mount=" + digest + "&from=" + source, new byte[0])
                .assertStatus(202);
        client.getBlob(repository, digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void aMountThatMissesWithADigestGivenUploadsTheBodyInstead() {
        Reply reply = client.post(
                        "/v2/" + repository + "/blobs/uploads/?mount=" + digest + "&from=" + uniqueRepository("nobody")
                                + "&digest=" + digest,
                        content)
                .assertStatus(201);
        assertEquals(digest.toString(), reply.header("Docker-Content-Digest"));
        assertArrayEquals(
                content, client.getBlob(repository, digest).assertStatus(200).body());
    }
}
