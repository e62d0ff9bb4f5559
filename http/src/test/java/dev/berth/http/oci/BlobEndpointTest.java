package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobEndpointTest {
    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private final RegistryClient client = server.client();
    private final String repository = uniqueRepository("blobs");
    private final byte[] content = randomBytes(1000);

    @Test
    void headOfABlobAnswersItsLengthDigestAndTypeWithoutABody() {
        Digest digest = client.pushBlob(repository, content);
        Reply reply = client.head("/v2/" + repository + "/blobs/" + digest).assertStatus(200);
        assertEquals("1000", reply.header("Content-Length"));
        assertEquals(digest.toString(), reply.header("Docker-Content-Digest"));
        assertEquals("application/octet-stream", reply.header("Content-Type"));
        assertEquals(0, reply.body().length);
    }

    @Test
    void getOfABlobAnswersItsExactBytes() {
        Digest digest = client.pushBlob(repository, content);
        Reply reply = client.getBlob(repository, digest).assertStatus(200);
        assertArrayEquals(content, reply.body());
        assertEquals("1000", reply.header("Content-Length"));
        assertEquals(digest.toString(), reply.header("Docker-Content-Digest"));
        assertEquals("application/octet-stream", reply.header("Content-Type"));
        assertEquals("bytes", reply.header("Accept-Ranges"));
        assertEquals("\"" + digest + "\"", reply.header("ETag"));
    }

    @Test
    void aBlobLargerThanTheStreamBufferComesBackWhole() {
        byte[] large = randomBytes(1024 * 1024 + 17);
        Digest digest = client.pushBlob(repository, large);
        assertArrayEquals(
                large, client.getBlob(repository, digest).assertStatus(200).body());
    }

    @Test
    void anEmptyBlobComesBackEmpty() {
        Digest digest = client.pushBlob(repository, new byte[0]);
        Reply reply = client.getBlob(repository, digest).assertStatus(200);
        assertEquals("0", reply.header("Content-Length"));
        assertEquals(0, reply.body().length);
    }

    @Test
    void aClosedRangeAnswers206WithThoseBytesAndTheirContentRange() {
        Digest digest = client.pushBlob(repository, content);
        Reply reply = client.getBlob(repository, digest, "Range", "bytes=10-19").assertStatus(206);
        assertArrayEquals(Arrays.copyOfRange(content, 10, 20), reply.body());
        assertEquals("bytes 10-19/1000", reply.header("Content-Range"));
        assertEquals("10", reply.header("Content-Length"));
        assertEquals(digest.toString(), reply.header("Docker-Content-Digest"));
    }

    @Test
    void anOpenRangeAnswers206WithTheRestOfTheBlob() {
        Digest digest = client.pushBlob(repository, content);
        Reply reply = client.getBlob(repository, digest, "Range", "bytes=990-").assertStatus(206);
        assertArrayEquals(Arrays.copyOfRange(content, 990, 1000), reply.body());
        assertEquals("bytes 990-999/1000", reply.header("Content-Range"));
    }

    @Test
    void aSuffixRangeAnswers206WithTheLastBytes() {
        Digest digest = client.pushBlob(repository, content);
        Reply reply = client.getBlob(repository, digest, "Range", "bytes=-5").assertStatus(206);
        assertArrayEquals(Arrays.copyOfRange(content, 995, 1000), reply.body());
        assertEquals("bytes 995-999/1000", reply.header("Content-Range"));
    }

    @Test
    void aSuffixLongerThanTheBlobAnswersTheWholeBlobAs206() {
        Digest digest = client.pushBlob(repository, content);
        Reply reply = client.getBlob(repository, digest, "Range", "bytes=-5000").assertStatus(206);
        assertArrayEquals(content, reply.body());
        assertEquals("bytes 0-999/1000", reply.header("Content-Range"));
    }

    @Test
    void aRangeEndingBeyondTheBlobIsCutAtItsEnd() {
        Digest digest = client.pushBlob(repository, content);
        Reply reply =
                client.getBlob(repository, digest, "Range", "bytes=900-999999").assertStatus(206);
        assertArrayEquals(Arrays.copyOfRange(content, 900, 1000), reply.body());
        assertEquals("bytes 900-999/1000", reply.header("Content-Range"));
    }

    @Test
    void aRangeAcrossTheStreamBufferBoundaryIsExact() {
        byte[] large = randomBytes(600 * 1024);
        Digest digest = client.pushBlob(repository, large);
        Reply reply = client.getBlob(repository, digest, "Range", "bytes=262000-530000")
                .assertStatus(206);
        assertArrayEquals(Arrays.copyOfRange(large, 262000, 530001), reply.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=5000-6000", "bytes=-0"})
    void anUnsatisfiableRangeAnswers416WithTheSize(String range) {
        Digest digest = client.pushBlob(repository, content);
        Reply reply = client.getBlob(repository, digest, "Range", range).assertStatus(416);
        assertEquals("bytes */1000", reply.header("Content-Range"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"bytes=abc", "items=0-1", "bytes=0-1,5-6", "bytes=9-2", "bytes=-", "bytes=99999999999999999999-"
            })
    void aRangeHeaderItDoesNotUnderstandIsIgnored(String range) {
        Digest digest = client.pushBlob(repository, content);
        Reply reply = client.getBlob(repository, digest, "Range", range).assertStatus(200);
        assertArrayEquals(content, reply.body());
        assertNull(reply.header("Content-Range"));
    }

    @Test
    void headWithARangeAnswers206WithTheRangeLength() {
        Digest digest = client.pushBlob(repository, content);
        Reply reply = client.head("/v2/" + repository + "/blobs/" + digest, "Range", "bytes=0-99")
                .assertStatus(206);
        assertEquals("100", reply.header("Content-Length"));
        assertEquals("bytes 0-99/1000", reply.header("Content-Range"));
        assertEquals(0, reply.body().length);
    }

    @Test
    void deleteOfABlobAnswers202AndTheBlobIsThenUnknown() {
        Digest digest = client.pushBlob(repository, content);
        Reply deleted = client.delete("/v2/" + repository + "/blobs/" + digest).assertStatus(202);
        assertEquals("0", deleted.header("Content-Length"));
        client.getBlob(repository, digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
        client.head("/v2/" + repository + "/blobs/" + digest).assertHeadError(404);
        client.delete("/v2/" + repository + "/blobs/" + digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void deletingABlobInOneRepositoryLeavesItInAnother() {
        String other = uniqueRepository("blobs");
        Digest digest = client.pushBlob(repository, content);
        client.pushBlob(other, content);
        client.delete("/v2/" + repository + "/blobs/" + digest).assertStatus(202);
        assertArrayEquals(
                content, client.getBlob(other, digest).assertStatus(200).body());
    }

    @Test
    void anUnknownBlobAnswers404BlobUnknown() {
        client.pushBlob(repository, content);
        Digest unknown = Digest.sha256(randomBytes(10));
        client.getBlob(repository, unknown).assertError(404, ErrorCode.BLOB_UNKNOWN);
        client.head("/v2/" + repository + "/blobs/" + unknown).assertHeadError(404);
    }

    @Test
    void aBlobOfAnotherRepositoryIsNotVisible() {
        String other = uniqueRepository("blobs");
        client.pushBlob(other, randomBytes(3));
        Digest digest = client.pushBlob(repository, content);
        client.getBlob(other, digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
        client.head("/v2/" + other + "/blobs/" + digest).assertHeadError(404);
    }

    @Test
    void aBlobOfARepositoryThatDoesNotExistIsUnknown() {
        Digest digest = client.pushBlob(repository, content);
        client.getBlob(uniqueRepository("nobody"), digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sha256:xyz",
                "sha256:ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789",
                "md5:d41d8cd98f00b204e9800998ecf8427e",
                "sha256:abc",
                "sha256",
                "notadigest:",
                "sha256:"
            })
    void aMalformedDigestAnswers400DigestInvalid(String digest) {
        client.pushBlob(repository, content);
        client.getBlob(repository, digest).assertError(400, ErrorCode.DIGEST_INVALID);
    }

    @Test
    void aBlobPushedUnderASha512DigestIsServedUnderIt() {
        Digest digest = Digest.of(Digest.Algorithm.SHA512, content);
        String location = client.startUpload(repository);
        client.put(RegistryClient.withQuery(location, "digest=" + digest), content)
                .assertStatus(201);
        Reply reply = client.getBlob(repository, digest).assertStatus(200);
        assertArrayEquals(content, reply.body());
        assertEquals(digest.toString(), reply.header("Docker-Content-Digest"));
    }

    @Test
    void aManifestCanAlsoBeFetchedThroughTheBlobEndpoint() {
        TestImages.Pushed image = client.pushImage(repository, "latest");
        Reply reply = client.getBlob(repository, image.digest()).assertStatus(200);
        assertArrayEquals(image.content(), reply.body());
        assertEquals(image.digest().toString(), reply.header("Docker-Content-Digest"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "POST", "PATCH"})
    void otherMethodsOnABlobAnswer405WithAllow(String method) {
        Digest digest = client.pushBlob(repository, content);
        Reply reply = client.request(method, "/v2/" + repository + "/blobs/" + digest)
                .assertError(405, ErrorCode.METHOD_UNKNOWN);
        assertEquals("GET, HEAD, DELETE", reply.header("Allow"));
    }
}
