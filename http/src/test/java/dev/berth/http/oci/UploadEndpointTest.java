package dev.berth.http.oci;

import static dev.berth.http.oci.RegistryClient.withQuery;
import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadEndpointTest {
    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private final RegistryClient client = server.client();
    private final String repository = uniqueRepository("uploads");
    private final byte[] content = randomBytes(300);
    private final Digest digest = Digest.sha256(content);

    @Test
    void postOpensAnUploadWith202LocationRangeAndUploadId() {
        Reply reply = client.post("/v2/" + repository + "/blobs/uploads/", new byte[0])
                .assertStatus(202);
        String location = reply.header("Location");
        String id = reply.header("Docker-Upload-UUID");
        assertEquals("/v2/" + repository + "/blobs/uploads/" + id, location);
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertEquals("0-0", reply.header("Range"));
        assertEquals("0", reply.header("Content-Length"));
    }

    @Test
    void postWithoutTheTrailingSlashOpensAnUploadToo() {
        client.post("/v2/" + repository + "/blobs/uploads", new byte[0]).assertStatus(202);
    }

    @Test
    void everyUploadGetsItsOwnId() {
        assertNotEquals(client.startUpload(repository), client.startUpload(repository));
    }

    @Test
    void postWithTheDigestUploadsTheBlobInOneRequest() {
        Reply reply = client.post(
                        "/v2/" + repository + "/blobs/uploads/?digest=" + digest,
                        content,
                        "Content-Type",
                        "application/octet-stream")
                .assertStatus(201);
        assertEquals("/v2/" + repository + "/blobs/" + digest, reply.header("Location"));
        assertEquals(digest.toString(), reply.header("Docker-Content-Digest"));
        assertArrayEquals(
                content, client.getBlob(repository, digest).assertStatus(200).body());
    }

    @Test
    void postWithAWrongDigestAnswers400DigestInvalidAndStoresNothing() {
        Digest wrong = Digest.sha256(randomBytes(5));
        client.post("/v2/" + repository + "/blobs/uploads/?digest=" + wrong, content)
                .assertError(400, ErrorCode.DIGEST_INVALID);
        client.getBlob(repository, wrong).assertError(404, ErrorCode.BLOB_UNKNOWN);
        client.getBlob(repository, digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void chunksSentInOrderAreAcceptedAndTheRangeGrows() {
        String location = client.startUpload(repository);
        Reply first = client.patch(
                        location,
                        Arrays.copyOfRange(content, 0, 100),
                        "Content-Range",
                        "0-99",
                        "Content-Type",
                        "application/octet-stream")
                .assertStatus(202);
        assertEquals("0-99", first.header("Range"));
        assertEquals(location, first.header("Location"));
        assertEquals(location.substring(location.lastIndexOf('/') + 1), first.header("Docker-Upload-UUID"));
        Reply second = client.patch(
                        first.header("Location"), Arrays.copyOfRange(content, 100, 300), "Content-Range", "100-299")
                .assertStatus(202);
        assertEquals("0-299", second.header("Range"));
        finish(second.header("Location"));
    }

    @Test
    void aChunkOutOfOrderAnswers416WithTheRangeTheUploadHolds() {
        String location = client.startUpload(repository);
        client.patch(location, Arrays.copyOfRange(content, 0, 100), "Content-Range", "0-99")
                .assertStatus(202);
        Reply skipped = client.patch(location, Arrays.copyOfRange(content, 150, 200), "Content-Range", "150-199")
                .assertError(416, ErrorCode.RANGE_INVALID);
        assertEquals("0-99", skipped.header("Range"));
        assertEquals(location, skipped.header("Location"));
        Reply repeated = client.patch(location, Arrays.copyOfRange(content, 0, 100), "Content-Range", "0-99")
                .assertError(416, ErrorCode.RANGE_INVALID);
        assertEquals("0-99", repeated.header("Range"));
        client.patch(location, Arrays.copyOfRange(content, 100, 300), "Content-Range", "100-299")
                .assertStatus(202);
        finish(location);
    }

    @Test
    void aChunkWhoseLengthDisagreesWithItsRangeAnswers400SizeInvalidAndIsNotKept() {
        String location = client.startUpload(repository);
        client.patch(location, Arrays.copyOfRange(content, 0, 100), "Content-Range", "0-49")
                .assertError(400, ErrorCode.SIZE_INVALID);
        assertEquals("0-0", client.get(location).assertStatus(204).header("Range"));
        client.patch(location, content, "Content-Range", "0-299").assertStatus(202);
        finish(location);
    }

    @Test
    void aRejectedChunkIsUndoneAndTheUploadGoesOnFromWhereItWas() {
        String location = client.startUpload(repository);
        client.patch(location, Arrays.copyOfRange(content, 0, 100), "Content-Range", "0-99")
                .assertStatus(202);
        client.patch(location, Arrays.copyOfRange(content, 100, 300), "Content-Range", "100-199")
                .assertError(400, ErrorCode.SIZE_INVALID);
        assertEquals("0-99", client.get(location).assertStatus(204).header("Range"));
        client.patch(location, Arrays.copyOfRange(content, 100, 300), "Content-Range", "100-299")
                .assertStatus(202);
        finish(location);
    }

    @Test
    void aStreamedChunkWithoutContentRangeOrLengthIsAppended() {
        String location = client.startUpload(repository);
        Reply first = client.patchStreamed(location, Arrays.copyOfRange(content, 0, 120))
                .assertStatus(202);
        assertEquals("0-119", first.header("Range"));
        Reply second = client.patchStreamed(location, Arrays.copyOfRange(content, 120, 300))
                .assertStatus(202);
        assertEquals("0-299", second.header("Range"));
        finish(location);
    }

    @Test
    void aChunkWithOnlyAContentLengthIsAppended() {
        String location = client.startUpload(repository);
        assertEquals("0-299", client.patch(location, content).assertStatus(202).header("Range"));
        finish(location);
    }

    @Test
    void putWithTheDigestAndNoBodyFinishesTheUpload() {
        String location = client.startUpload(repository);
        client.patch(location, content).assertStatus(202);
        Reply reply =
                client.put(withQuery(location, "digest=" + digest), new byte[0]).assertStatus(201);
        assertEquals("/v2/" + repository + "/blobs/" + digest, reply.header("Location"));
        assertEquals(digest.toString(), reply.header("Docker-Content-Digest"));
        assertArrayEquals(content, client.getBlob(repository, digest).body());
    }

    @Test
    void putWithAFinalChunkFinishesTheUpload() {
        String location = client.startUpload(repository);
        client.patch(location, Arrays.copyOfRange(content, 0, 100), "Content-Range", "0-99")
                .assertStatus(202);
        client.put(withQuery(location, "digest=" + digest), Arrays.copyOfRange(content, 100, 300))
                .assertStatus(201);
        assertArrayEquals(content, client.getBlob(repository, digest).body());
    }

    @Test
    void putWithAFinalChunkAndItsContentRangeFinishesTheUpload() {
        String location = client.startUpload(repository);
        client.patch(location, Arrays.copyOfRange(content, 0, 100), "Content-Range", "0-99")
                .assertStatus(202);
        client.put(
                        withQuery(location, "digest=" + digest),
                        Arrays.copyOfRange(content, 100, 300),
                        "Content-Range",
                        "100-299")
                .assertStatus(201);
        assertArrayEquals(content, client.getBlob(repository, digest).body());
    }

    @Test
    void putWithAFinalChunkOutOfOrderAnswers416AndKeepsTheUpload() {
        String location = client.startUpload(repository);
        client.patch(location, Arrays.copyOfRange(content, 0, 100), "Content-Range", "0-99")
                .assertStatus(202);
        Reply reply = client.put(
                        withQuery(location, "digest=" + digest),
                        Arrays.copyOfRange(content, 200, 300),
                        "Content-Range",
                        "200-299")
                .assertError(416, ErrorCode.RANGE_INVALID);
        assertEquals("0-99", reply.header("Range"));
        client.put(withQuery(location, "digest=" + digest), Arrays.copyOfRange(content, 100, 300))
                .assertStatus(201);
    }

    @Test
    void getOfAnUploadAnswers204WithItsRange() {
        String location = client.startUpload(repository);
        client.patch(location, Arrays.copyOfRange(content, 0, 100)).assertStatus(202);
        Reply reply = client.get(location).assertStatus(204);
        assertEquals("0-99", reply.header("Range"));
        assertEquals(location, reply.header("Location"));
        assertEquals(location.substring(location.lastIndexOf('/') + 1), reply.header("Docker-Upload-UUID"));
        assertEquals(0, reply.body().length);
        assertEquals("0-99", client.head(location).assertStatus(204).header("Range"));
    }

    @Test
    void deleteCancelsAnUploadWhichIsThenUnknown() {
        String location = client.startUpload(repository);
        client.patch(location, content).assertStatus(202);
        client.delete(location).assertStatus(204);
        client.get(location).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client.patch(location, content).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client.put(withQuery(location, "digest=" + digest), new byte[0])
                .assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client.delete(location).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client.getBlob(repository, digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void aFinishedUploadIsUnknownAfterwards() {
        String location = client.startUpload(repository);
        client.put(withQuery(location, "digest=" + digest), content).assertStatus(201);
        client.get(location).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client.patch(location, content).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
    }

    @Test
    void putWithAWrongDigestAnswers400DigestInvalidAndTheBlobIsNotVisible() {
        String location = client.startUpload(repository);
        Digest wrong = Digest.sha256(randomBytes(7));
        client.put(withQuery(location, "digest=" + wrong), content).assertError(400, ErrorCode.DIGEST_INVALID);
        client.getBlob(repository, wrong).assertError(404, ErrorCode.BLOB_UNKNOWN);
        client.head("/v2/" + repository + "/blobs/" + wrong).assertHeadError(404);
        client.getBlob(repository, digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void putWithoutADigestAnswers400DigestInvalidAndKeepsTheUpload() {
        String location = client.startUpload(repository);
        client.patch(location, content).assertStatus(202);
        client.put(location, new byte[0]).assertError(400, ErrorCode.DIGEST_INVALID);
        assertEquals("0-299", client.get(location).assertStatus(204).header("Range"));
        finish(location);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256:xyz", "sha256:ABC", "md5:d41d8cd98f00b204e9800998ecf8427e", "nonsense", ""})
    void putWithAMalformedDigestAnswers400DigestInvalid(String malformed) {
        String location = client.startUpload(repository);
        client.put(withQuery(location, "digest=" + malformed), content).assertError(400, ErrorCode.DIGEST_INVALID);
    }

    @Test
    void aBlobCanBeUploadedUnderASha512Digest() {
        Digest sha512 = Digest.of(Digest.Algorithm.SHA512, content);
        String location = client.startUpload(repository);
        client.patch(location, Arrays.copyOfRange(content, 0, 10)).assertStatus(202);
        Reply reply = client.put(withQuery(location, "digest=" + sha512), Arrays.copyOfRange(content, 10, 300))
                .assertStatus(201);
        assertEquals(sha512.toString(), reply.header("Docker-Content-Digest"));
        assertArrayEquals(
                content, client.getBlob(repository, sha512).assertStatus(200).body());
    }

    @Test
    void aWrongSha512DigestAnswers400DigestInvalid() {
        Digest wrong = Digest.of(Digest.Algorithm.SHA512, randomBytes(3));
        client.post("/v2/" + repository + "/blobs/uploads/?digest=" + wrong, content)
                .assertError(400, ErrorCode.DIGEST_INVALID);
        client.getBlob(repository, wrong).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void anUploadOfAnotherRepositoryIsUnknownHere() {
        String other = uniqueRepository("uploads");
        client.startUpload(other);
        String location = client.startUpload(repository);
        String elsewhere = location.replace("/v2/" + repository + "/", "/v2/" + other + "/");
        client.get(elsewhere).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client.patch(elsewhere, content).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client.put(withQuery(elsewhere, "digest=" + digest), content).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client.delete(elsewhere).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        String nowhere = location.replace("/v2/" + repository + "/", "/v2/" + uniqueRepository("nobody") + "/");
        client.get(nowhere).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client.getBlob(other, digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
        client.patch(location, content).assertStatus(202);
        finish(location);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nope",
                "00000000000000000000000000000000",
                "ABCDEF0123456789ABCDEF0123456789",
                "0123456789abcdef0123456789abcdef0",
                "x'%20OR%201=1",
                "%C3%A9",
                "~"
            })
    void aGarbageUploadIdAnswers404BlobUploadUnknown(String id) {
        client.startUpload(repository);
        String location = "/v2/" + repository + "/blobs/uploads/" + id;
        client.get(location).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client.patch(location, content).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client.put(withQuery(location, "digest=" + digest), content).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client.delete(location).assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
    }

    @Test
    void pushingABlobThatIsAlreadyThereWorks() {
        client.pushBlob(repository, content);
        client.pushBlob(repository, content);
        client.post("/v2/" + repository + "/blobs/uploads/?digest=" + digest, content)
                .assertStatus(201);
        String other = uniqueRepository("uploads");
        client.pushBlob(other, content);
        assertArrayEquals(
                content, client.getBlob(repository, digest).assertStatus(200).body());
        assertArrayEquals(
                content, client.getBlob(other, digest).assertStatus(200).body());
    }

    @Test
    void anEmptyBlobCanBeUploaded() {
        Digest empty = Digest.sha256(new byte[0]);
        client.put(withQuery(client.startUpload(repository), "digest=" + empty), new byte[0])
                .assertStatus(201);
        assertEquals("0", client.getBlob(repository, empty).assertStatus(200).header("Content-Length"));
    }

    @Test
    void theUploadsCollectionOnlyTakesPost() {
        Reply reply = client.get("/v2/" + repository + "/blobs/uploads/").assertError(405, ErrorCode.METHOD_UNKNOWN);
        assertEquals("POST", reply.header("Allow"));
    }

    @Test
    void anUploadDoesNotTakePost() {
        String location = client.startUpload(repository);
        Reply reply = client.post(location, content).assertError(405, ErrorCode.METHOD_UNKNOWN);
        assertEquals("GET, HEAD, PATCH, PUT, DELETE", reply.header("Allow"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "bytes=a-b", "99-0", "-5", "0-", "0-99999999999999999999"})
    void aMalformedContentRangeAnswers416RangeInvalid(String range) {
        String location = client.startUpload(repository);
        Reply reply = client.patch(location, content, "Content-Range", range).assertError(416, ErrorCode.RANGE_INVALID);
        assertEquals("0-0", reply.header("Range"));
        assertEquals("0-299", client.patch(location, content).assertStatus(202).header("Range"));
    }

    private void finish(String location) {
        client.put(withQuery(location, "digest=" + digest), new byte[0]).assertStatus(201);
        assertArrayEquals(
                content, client.getBlob(repository, digest).assertStatus(200).body());
    }
}
