package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.OCI_MANIFEST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import dev.berth.http.oci.TestImages.Pushed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Repository names and tags in URLs: the grammar's, or 400. */
class NameValidationTest {
    private static final String DIGEST = Digest.sha256(new byte[0]).toString();

    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private final RegistryClient client = server.client();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Upper",
                "library/Busybox",
                "a..b",
                "a___b",
                "-a",
                "a-",
                ".a",
                "a.",
                "_a",
                "a:b",
                "a@b",
                "a%20b",
                "%C3%A4"
            })
    void anInvalidRepositoryNameAnswers400NameInvalidOnEveryEndpoint(String name) {
        client.getManifest(name, "latest").assertError(400, ErrorCode.NAME_INVALID);
        client.putManifest(name, "latest", OCI_MANIFEST, new byte[] {'{', '}'})
                .assertError(400, ErrorCode.NAME_INVALID);
        client.getBlob(name, DIGEST).assertError(400, ErrorCode.NAME_INVALID);
        client.post("/v2/" + name + "/blobs/uploads/", new byte[0]).assertError(400, ErrorCode.NAME_INVALID);
        client.get("/v2/" + name + "/blobs/uploads/0123456789abcdef0123456789abcdef")
                .assertError(400, ErrorCode.NAME_INVALID);
        client.get("/v2/" + name + "/tags/list").assertError(400, ErrorCode.NAME_INVALID);
        client.get("/v2/" + name + "/referrers/" + DIGEST).assertError(400, ErrorCode.NAME_INVALID);
    }

    @Test
    void aNameOf255CharactersIsAcceptedAndOf256Refused() {
        String longest = "a".repeat(100) + "/" + "b".repeat(100) + "/" + "c".repeat(53);
        assertEquals(255, longest.length());
        client.pushImage(longest, "latest");
        client.getManifest(longest, "latest").assertStatus(200);
        client.getManifest(longest + "c", "latest").assertError(400, ErrorCode.NAME_INVALID);
        client.post("/v2/" + longest + "c/blobs/uploads/", new byte[0]).assertError(400, ErrorCode.NAME_INVALID);
    }

    @Test
    void theNameInTheErrorIsCutShort() {
        String name = "A".repeat(2000);
        Reply reply = client.getManifest(name, "latest").assertError(400, ErrorCode.NAME_INVALID);
        assertTrue(reply.json().at("/errors/0/message").asText().length() < 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a", "a//b", "a/", "/", "a/b//c"})
    void aNameWithAnEmptyComponentAnswers400NameInvalid(String name) {
        client.getManifest(name, "latest").assertError(400, ErrorCode.NAME_INVALID);
        client.post("/v2/" + name + "/blobs/uploads/", new byte[0]).assertError(400, ErrorCode.NAME_INVALID);
        client.get("/v2/" + name + "/tags/list").assertError(400, ErrorCode.NAME_INVALID);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v2/a%2Fb/manifests/latest",
                "/v2/a/%2e%2e/b/manifests/latest",
                "/v2/a%00b/manifests/latest",
                "/v2/%ff/manifests/latest",
                "/v2/a\\b/manifests/latest"
            })
    void aPathWithAmbiguousOrIllegalSegmentsAnswers400(String target) throws IOException {
        assertEquals(400, RawHttp.get(server.address(), target).status());
    }

    @Test
    void dotSegmentsAreResolvedBeforeRouting() throws IOException {
        Pushed image = client.pushImage("dots/image", "latest");
        RawHttp.RawReply reply = RawHttp.get(server.address(), "/v2/other/../dots/image/manifests/latest");
        assertEquals(200, reply.status());
        assertTrue(reply.text().endsWith(new String(image.content(), StandardCharsets.UTF_8)));
        assertEquals(404, RawHttp.get(server.address(), "/v2/../").status());
        assertEquals(400, RawHttp.get(server.address(), "/v2/../../etc/passwd").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-latest", ".hidden", "a%20b", "a+b", "tag!", "%C3%A9"})
    void anInvalidTagIsUnknownToReadsAndDeletesAndRefusedByAPush(String tag) {
        Pushed image = client.pushImage("tags/invalid", "latest");
        client.getManifest("tags/invalid", tag).assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.request("HEAD", "/v2/tags/invalid/manifests/" + tag).assertStatus(404);
        client.putManifest("tags/invalid", tag, OCI_MANIFEST, image.content())
                .assertError(400, ErrorCode.MANIFEST_INVALID);
        client.delete("/v2/tags/invalid/manifests/" + tag).assertError(404, ErrorCode.MANIFEST_UNKNOWN);
    }

    @Test
    void aTagOf128CharactersIsAcceptedAndOf129Refused() {
        Pushed image = client.pushImage("tags/long", "latest");
        String longest = "t".repeat(128);
        client.pushManifest("tags/long", longest, OCI_MANIFEST, image.content());
        assertArrayEquals(
                image.content(), client.getManifest("tags/long", longest).body());
        client.putManifest("tags/long", longest + "t", OCI_MANIFEST, image.content())
                .assertError(400, ErrorCode.MANIFEST_INVALID);
    }

    @Test
    void aReferenceWithAColonIsReadAsADigest() {
        client.pushImage("tags/colon", "latest");
        client.getManifest("tags/colon", "latest:1").assertError(400, ErrorCode.DIGEST_INVALID);
        client.getManifest("tags/colon", "sha256:" + "A".repeat(64)).assertError(400, ErrorCode.DIGEST_INVALID);
    }
}
