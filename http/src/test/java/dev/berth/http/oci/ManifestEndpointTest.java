package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.DOCKER_MANIFEST;
import static dev.berth.http.oci.TestImages.DOCKER_MANIFEST_LIST;
import static dev.berth.http.oci.TestImages.OCI_INDEX;
import static dev.berth.http.oci.TestImages.OCI_MANIFEST;
import static dev.berth.http.oci.TestImages.bytes;
import static dev.berth.http.oci.TestImages.platformDescriptor;
import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import dev.berth.http.oci.TestImages.Pushed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pushing and pulling manifests of every kind, by tag and by digest, and content negotiation. */
class ManifestEndpointTest {
    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private final RegistryClient client = server.client();
    private final String repository = uniqueRepository("manifests");

    @Test
    void anOciManifestIsStoredAndServedByteForByte() {
        byte[] config = TestImages.uniqueConfig();
        byte[] layer = randomBytes(100);
        client.pushBlob(repository, config);
        client.pushBlob(repository, layer);
        byte[] manifest = bytes("{\n   \"layers\" : [ {\"size\":100, \"digest\":\"" + Digest.sha256(layer)
                + "\",\t\"mediaType\":\"" + TestImages.OCI_LAYER + "\"} ],\n\"schemaVersion\":   2,\r\n"
                + "  \"config\":" + TestImages.descriptor(TestImages.OCI_CONFIG, config)
                + ",\"mediaType\":\"" + OCI_MANIFEST + "\",  \"annotations\":{\"z\":\"1\",\"a\":\"\\u00e9\"}}  \n\n");
        Reply reply =
                client.putManifest(repository, "v1", OCI_MANIFEST, manifest).assertStatus(201);
        Digest digest = Digest.sha256(manifest);
        assertEquals(digest.toString(), reply.header("Docker-Content-Digest"));
        assertEquals("/v2/" + repository + "/manifests/" + digest, reply.header("Location"));
        assertEquals("0", reply.header("Content-Length"));
        assertServedExactly(new Pushed(digest, OCI_MANIFEST, manifest), "v1");
    }

    @Test
    void anOciIndexIsStoredAndServedByteForByte() {
        Pushed amd64 = client.pushImage(repository, "amd64");
        Pushed arm64 = client.pushImage(repository, "arm64");
        Pushed index = client.pushIndex(
                repository,
                "multi",
                OCI_INDEX,
                platformDescriptor(OCI_MANIFEST, amd64, "amd64"),
                platformDescriptor(OCI_MANIFEST, arm64, "arm64"));
        assertServedExactly(index, "multi");
    }

    @Test
    void aDockerSchema2ManifestIsStoredAndServedByteForByte() {
        assertServedExactly(client.pushDockerImage(repository, "docker"), "docker");
    }

    @Test
    void aDockerManifestListIsStoredAndServedByteForByte() {
        Pushed amd64 = client.pushDockerImage(repository, "amd64");
        Pushed list = client.pushIndex(
                repository, "list", DOCKER_MANIFEST_LIST, platformDescriptor(DOCKER_MANIFEST, amd64, "amd64"));
        assertServedExactly(list, "list");
    }

    @Test
    void aManifestPushedByItsDigestIsServedByItAndHasNoTag() {
        Pushed image = client.pushImage(repository, "seed");
        client.delete("/v2/" + repository + "/manifests/seed").assertStatus(202);
        client.delete("/v2/" + repository + "/manifests/" + image.digest()).assertStatus(202);
        Reply reply = client.putManifest(repository, image.digest().toString(), OCI_MANIFEST, image.content())
                .assertStatus(201);
        assertEquals(image.digest().toString(), reply.header("Docker-Content-Digest"));
        assertArrayEquals(
                image.content(),
                client.getManifest(repository, image.digest().toString()).body());
        assertEquals(
                0,
                client.get("/v2/" + repository + "/tags/list")
                        .assertStatus(200)
                        .json()
                        .get("tags")
                        .size());
    }

    @Test
    void aManifestCanBePushedAndPulledUnderASha512Digest() {
        Pushed image = client.pushImage(repository, "seed");
        Digest sha512 = Digest.of(Digest.Algorithm.SHA512, image.content());
        Reply pushed = client.putManifest(repository, sha512.toString(), OCI_MANIFEST, image.content())
                .assertStatus(201);
        assertEquals(sha512.toString(), pushed.header("Docker-Content-Digest"));
        Reply pulled = client.getManifest(repository, sha512.toString()).assertStatus(200);
        assertArrayEquals(image.content(), pulled.body());
        assertEquals(sha512.toString(), pulled.header("Docker-Content-Digest"));
    }

    @Test
    void aPushByDigestWithOtherBytesAnswers400DigestInvalid() {
        Pushed image = client.pushImage(repository, "seed");
        Pushed other = client.pushImage(repository, "other");
        client.putManifest(repository, image.digest().toString(), OCI_MANIFEST, other.content())
                .assertError(400, ErrorCode.DIGEST_INVALID);
        Digest never = Digest.sha256(randomBytes(9));
        client.putManifest(repository, never.toString(), OCI_MANIFEST, other.content())
                .assertError(400, ErrorCode.DIGEST_INVALID);
        client.getManifest(repository, never.toString()).assertError(404, ErrorCode.MANIFEST_UNKNOWN);
    }

    @Test
    void pushingTheSameManifestUnderAnotherTagGivesTheSameDigest() {
        Pushed image = client.pushImage(repository, "one");
        assertEquals(image.digest(), client.pushManifest(repository, "two", OCI_MANIFEST, image.content()));
        assertEquals(
                image.digest().toString(), client.getManifest(repository, "two").header("Docker-Content-Digest"));
    }

    @Test
    void pushingToAnExistingTagMovesIt() {
        client.pushImage(repository, "latest");
        Pushed newer = client.pushImage(repository, "newer");
        client.pushManifest(repository, "latest", OCI_MANIFEST, newer.content());
        Reply reply = client.getManifest(repository, "latest").assertStatus(200);
        assertArrayEquals(newer.content(), reply.body());
        assertEquals(newer.digest().toString(), reply.header("Docker-Content-Digest"));
    }

    @Test
    void aManifestWithoutMediaTypeIsStoredUnderItsContentType() {
        byte[] config = TestImages.uniqueConfig();
        client.pushBlob(repository, config);
        byte[] manifest = bytes("{\"schemaVersion\":2,\"config\":"
                + TestImages.descriptor(TestImages.DOCKER_CONFIG, config) + ",\"layers\":[]}");
        client.pushManifest(repository, "plain", DOCKER_MANIFEST, manifest);
        assertEquals(DOCKER_MANIFEST, client.getManifest(repository, "plain").header("Content-Type"));
    }

    @Test
    void aManifestSentAsPlainJsonIsServedUnderItsDeclaredMediaType() {
        Pushed image = client.pushImage(repository, "seed");
        client.putManifest(repository, "json", "application/json", image.content())
                .assertStatus(201);
        assertEquals(OCI_MANIFEST, client.getManifest(repository, "json").header("Content-Type"));
    }

    @Test
    void theStoredMediaTypeIsServedWhenTheClientAcceptsIt() {
        Pushed image = client.pushImage(repository, "latest");
        for (String accept :
                new String[] {OCI_MANIFEST, DOCKER_MANIFEST + ", " + OCI_MANIFEST + ";q=0.9", "*/*", "application/*"}) {
            Reply reply =
                    client.getManifest(repository, "latest", "Accept", accept).assertStatus(200);
            assertEquals(OCI_MANIFEST, reply.header("Content-Type"), accept);
            assertArrayEquals(image.content(), reply.body());
        }
    }

    @Test
    void aRequestWithoutAcceptGetsTheStoredMediaType() {
        Pushed image = client.pushDockerImage(repository, "latest");
        Reply reply = client.getManifest(repository, "latest").assertStatus(200);
        assertEquals(DOCKER_MANIFEST, reply.header("Content-Type"));
        assertArrayEquals(image.content(), reply.body());
    }

    @Test
    void severalAcceptHeadersAreReadTogether() {
        Pushed image = client.pushImage(repository, "latest");
        Reply reply = client.getManifest(repository, "latest", "Accept", DOCKER_MANIFEST, "Accept", OCI_MANIFEST)
                .assertStatus(200);
        assertEquals(image.digest().toString(), reply.header("Docker-Content-Digest"));
    }

    @Test
    void aManifestTheClientDoesNotAcceptAnswers404ManifestUnknown() {
        client.pushImage(repository, "latest");
        client.getManifest(repository, "latest", "Accept", DOCKER_MANIFEST)
                .assertError(404, ErrorCode.MANIFEST_UNKNOWN);
    }

    @Test
    void aClientThatCannotTakeAnIndexGetsItsLinuxAmd64Image() {
        Pushed arm64 = client.pushImage(repository, "arm64");
        Pushed amd64 = client.pushImage(repository, "amd64");
        client.pushIndex(
                repository,
                "multi",
                OCI_INDEX,
                platformDescriptor(OCI_MANIFEST, arm64, "arm64"),
                platformDescriptor(OCI_MANIFEST, amd64, "amd64"));
        Reply reply =
                client.getManifest(repository, "multi", "Accept", OCI_MANIFEST).assertStatus(200);
        assertArrayEquals(amd64.content(), reply.body());
        assertEquals(amd64.digest().toString(), reply.header("Docker-Content-Digest"));
        assertEquals(OCI_MANIFEST, reply.header("Content-Type"));
    }

    @Test
    void aManifestAskedForByDigestIsThatContentWhateverTheAcceptHeader() {
        Pushed amd64 = client.pushImage(repository, "amd64");
        Pushed index =
                client.pushIndex(repository, "multi", OCI_INDEX, platformDescriptor(OCI_MANIFEST, amd64, "amd64"));
        Reply reply = client.getManifest(repository, index.digest().toString(), "Accept", OCI_MANIFEST)
                .assertStatus(200);
        assertArrayEquals(index.content(), reply.body());
        assertEquals(index.digest().toString(), reply.header("Docker-Content-Digest"));
        assertEquals(OCI_INDEX, reply.header("Content-Type"));
    }

    @Test
    void anIndexWithoutAnImageTheClientCanTakeAnswers404ManifestUnknown() {
        Pushed arm64 = client.pushImage(repository, "arm64");
        client.pushIndex(repository, "multi", OCI_INDEX, platformDescriptor(OCI_MANIFEST, arm64, "arm64"));
        client.getManifest(repository, "multi", "Accept", OCI_MANIFEST).assertError(404, ErrorCode.MANIFEST_UNKNOWN);
    }

    @Test
    void anUnknownTagOrDigestAnswers404ManifestUnknown() {
        client.pushImage(repository, "latest");
        client.getManifest(repository, "nope").assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.getManifest(repository, Digest.sha256(randomBytes(4)).toString())
                .assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.head("/v2/" + repository + "/manifests/nope").assertHeadError(404);
    }

    @Test
    void aManifestOfAnUnknownRepositoryAnswers404NameUnknown() {
        String nobody = uniqueRepository("nobody");
        client.getManifest(nobody, "latest").assertError(404, ErrorCode.NAME_UNKNOWN);
        client.getManifest(nobody, Digest.sha256(new byte[0]).toString()).assertError(404, ErrorCode.NAME_UNKNOWN);
        client.head("/v2/" + nobody + "/manifests/latest").assertHeadError(404);
        client.delete("/v2/" + nobody + "/manifests/latest").assertError(404, ErrorCode.NAME_UNKNOWN);
    }

    @Test
    void aManifestOfAnotherRepositoryIsNotVisible() {
        Pushed image = client.pushImage(repository, "latest");
        String other = uniqueRepository("manifests");
        client.pushImage(other, "latest");
        client.getManifest(other, image.digest().toString()).assertError(404, ErrorCode.MANIFEST_UNKNOWN);
    }

    @Test
    void otherMethodsOnAManifestAnswer405WithAllow() {
        client.pushImage(repository, "latest");
        for (String method : new String[] {"POST", "PATCH"}) {
            Reply reply = client.request(method, "/v2/" + repository + "/manifests/latest")
                    .assertError(405, ErrorCode.METHOD_UNKNOWN);
            assertEquals("GET, HEAD, PUT, DELETE", reply.header("Allow"));
        }
    }

    private void assertServedExactly(Pushed manifest, String tag) {
        assertEquals(Digest.sha256(manifest.content()), manifest.digest());
        for (String reference : new String[] {tag, manifest.digest().toString()}) {
            Reply get = client.getManifest(repository, reference, "Accept", manifest.mediaType())
                    .assertStatus(200);
            assertArrayEquals(manifest.content(), get.body());
            assertEquals(manifest.mediaType(), get.header("Content-Type"));
            assertEquals(manifest.digest().toString(), get.header("Docker-Content-Digest"));
            assertEquals(Integer.toString(manifest.content().length), get.header("Content-Length"));
            assertEquals("\"" + manifest.digest() + "\"", get.header("ETag"));
            Reply head = client.head("/v2/" + repository + "/manifests/" + reference, "Accept", manifest.mediaType())
                    .assertStatus(200);
            assertEquals(0, head.body().length);
            assertEquals(manifest.mediaType(), head.header("Content-Type"));
            assertEquals(manifest.digest().toString(), head.header("Docker-Content-Digest"));
            assertEquals(Integer.toString(manifest.content().length), head.header("Content-Length"));
        }
    }
}
