package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.OCI_MANIFEST;
import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import dev.berth.http.oci.RawHttp.RawReply;
import dev.berth.http.oci.TestImages.Pushed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a client sends, the registry answers it (never with a 500) and does not hang. */
class MalformedRequestTest {
    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private final RegistryClient client = server.client();
    private final String repository = uniqueRepository("malformed");

    @ParameterizedTest
    @ValueSource(strings = {"OPTIONS", "TRACE", "PROPFIND", "FOO", "CONNECT"})
    void anUnsupportedMethodAnswers405OnEveryEndpoint(String method) throws IOException {
        Pushed image = client.pushImage(repository, "latest");
        String upload = client.startUpload(repository);
        for (String path : new String[] {
            "/v2/",
            "/v2/_catalog",
            "/v2/" + repository + "/tags/list",
            "/v2/" + repository + "/manifests/latest",
            "/v2/" + repository + "/blobs/" + image.digest(),
            "/v2/" + repository + "/blobs/uploads/",
            upload,
            "/v2/" + repository + "/referrers/" + image.digest()
        }) {
            RawReply reply = RawHttp.send(
                    server.address(),
                    method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                    new byte[0]);
            assertEquals(method.equals("CONNECT") ? 400 : 405, reply.status(), method + " " + path);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v2/_catalog?n=%zz",
                "/v2/_catalog?last=%",
                "/v2/REPO/tags/list?n=%E0%A4%A",
                "/v2/REPO/referrers/DIGEST?artifactType=%",
                "/v2/REPO/blobs/uploads/?mount=%zz&from=a",
                "/v2/_catalog?last=%ff",
                "/v2/REPO/tags/list?last=%ff",
                "/v2/REPO/tags/list?last=%c0%af",
                "/v2/REPO/tags/list?last=a%00b",
                "/v2/REPO/referrers/DIGEST?artifactType=%ff",
                "/v2/REPO/blobs/uploads/?mount=%ff&from=a",
                "/v2/REPO/blobs/uploads/?digest=%ed%a0%80",
                "/v2/REPO/manifests/%ff",
                "/v2/REPO/manifests/%c0%af",
                "/v2/%ff/tags/list"
            })
    void aMalformedQueryStringOrPathAnswers400InTheEnvelope(String target) throws IOException {
        Pushed image = client.pushImage(repository, "latest");
        String method = target.contains("/uploads/") ? "POST" : "GET";
        RawReply reply = RawHttp.send(
                server.address(),
                method + " "
                        + target.replace("REPO", repository)
                                .replace("DIGEST", image.digest().toString())
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                new byte[0]);
        assertEquals(400, reply.status(), reply.text());
        assertTrue(reply.text().contains("{\"errors\":[{\"code\":\"INVALID_REQUEST\""), reply.text());
    }

    @Test
    void aMalformedQueryStringIsIgnoredWhereNoParameterIsRead() throws IOException {
        Pushed image = client.pushImage(repository, "latest");
        assertEquals(
                200,
                RawHttp.get(server.address(), "/v2/" + repository + "/manifests/latest?x=%zz")
                        .status());
        assertEquals(
                200,
                RawHttp.get(server.address(), "/v2/" + repository + "/blobs/" + image.digest() + "?x=%zz")
                        .status());
    }

    @Test
    void aVeryLongPathAnswers404NotA500() {
        client.get("/v2/" + "a/".repeat(2000) + "manifests/latest").assertError(404, ErrorCode.NAME_UNKNOWN);
        client.get("/v2/" + "a".repeat(5000) + "/tags/list").assertError(404, ErrorCode.NAME_UNKNOWN);
    }

    @Test
    void aPathLongerThanTheHeaderLimitAnswers414() throws IOException {
        assertEquals(
                414,
                RawHttp.get(server.address(), "/v2/" + "a".repeat(RegistryServer.MAX_HEADER_BYTES + 10))
                        .status());
    }

    @Test
    void headersLargerThanTheLimitAnswer431() {
        client.get("/v2/", "X-Padding", "x".repeat(RegistryServer.MAX_HEADER_BYTES + 10))
                .assertStatus(431);
        client.get("/v2/", "Accept", "a/b,".repeat(RegistryServer.MAX_HEADER_BYTES / 4))
                .assertStatus(431);
    }

    @Test
    void pathsOutsideTheApiAnswer404() {
        assertEquals(404, client.get("/").status());
        assertEquals(404, client.get("/v2x").status());
        assertEquals(404, client.get("/v1/_ping").status());
        client.get("/v2/_catalog/extra").assertError(404, ErrorCode.NAME_UNKNOWN);
        client.get("/v2/" + repository + "/unknown/latest").assertError(404, ErrorCode.NAME_UNKNOWN);
    }

    @Test
    void aHugeDigestInThePathAnswers400DigestInvalid() {
        client.getBlob(repository, "sha256:" + "a".repeat(1000)).assertError(400, ErrorCode.DIGEST_INVALID);
        client.getManifest(repository, "sha256:" + "a".repeat(1000)).assertError(400, ErrorCode.DIGEST_INVALID);
    }

    @Test
    void aChunkShorterThanItsContentLengthLeavesTheUploadResumable() throws IOException {
        String location = client.startUpload(repository);
        byte[] sent = randomBytes(10);
        RawReply reply = RawHttp.send(
                server.address(),
                "PATCH " + location
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n",
                sent);
        assertNotEquals(500, reply.status(), reply.text());
        Reply status = client.get(location).assertStatus(204);
        String range = status.header("Range");
        assertTrue(range.equals("0-0") || range.equals("0-9"), range);
        long held = range.equals("0-9") ? 10 : 0;
        byte[] content = randomBytes(100);
        byte[] whole = new byte[(int) held + content.length];
        System.arraycopy(sent, 0, whole, 0, (int) held);
        System.arraycopy(content, 0, whole, (int) held, content.length);
        client.put(RegistryClient.withQuery(location, "digest=" + Digest.sha256(whole)), content)
                .assertStatus(201);
    }

    @Test
    void aManifestShorterThanItsContentLengthIsNotStored() throws IOException {
        Pushed image = client.pushImage(repository, "latest");
        RawReply reply = RawHttp.send(
                server.address(),
                "PUT /v2/" + repository + "/manifests/short HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nContent-Type: " + OCI_MANIFEST + "\r\nContent-Length: "
                        + (image.content().length + 50) + "\r\n\r\n",
                image.content());
        assertNotEquals(500, reply.status(), reply.text());
        assertNotEquals(201, reply.status(), reply.text());
        client.getManifest(repository, "short").assertError(404, ErrorCode.MANIFEST_UNKNOWN);
    }

    @Test
    void aMonolithicUploadShorterThanItsContentLengthStoresNothing() throws IOException {
        byte[] content = randomBytes(50);
        Digest digest = Digest.sha256(content);
        RawReply reply = RawHttp.send(
                server.address(),
                "POST /v2/" + repository + "/blobs/uploads/?digest=" + digest
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n\r\n",
                content);
        assertNotEquals(500, reply.status(), reply.text());
        assertNotEquals(201, reply.status(), reply.text());
        client.getBlob(repository, digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Content-Length: abc\r\n",
                "Content-Length: -5\r\n",
                "Content-Length: 5\r\nContent-Length: 6\r\n",
                "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
                "Transfer-Encoding: gzip\r\n"
            })
    void brokenFramingAnswers400(String framing) throws IOException {
        RawReply reply = RawHttp.send(
                server.address(),
                "PATCH " + client.startUpload(repository) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + framing + "\r\n",
                "hello".getBytes(StandardCharsets.UTF_8));
        assertTrue(reply.status() == 400 || reply.status() == 501, reply.text());
    }

    @Test
    void aBrokenChunkedBodyIsNotAnInternalError() throws IOException {
        RawReply reply = RawHttp.send(
                server.address(),
                "PATCH " + client.startUpload(repository)
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                "5\r\nhello\r\nZZ\r\nnot hex\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(500, reply.status(), reply.text());
    }

    @Test
    void garbageInsteadOfARequestAnswers400() throws IOException {
        RawReply reply = RawHttp.send(server.address(), "\u0001\u0002 nonsense\r\n\r\n", new byte[0]);
        assertTrue(reply.status() == 400 || reply.status() == 0, reply.text());
    }

    @Test
    void aRequestRefusedBeforeItsBodyArrivedLeavesTheConnectionUsable() throws Exception {
        for (String head : new String[] {
            "POST " + client.startUpload(repository) + " HTTP/1.1\r\n",
            "PATCH /v2/" + repository + "/blobs/uploads/nope HTTP/1.1\r\n",
            "PUT /v2/" + repository + "/manifests/-bad HTTP/1.1\r\n",
        }) {
            RawReply reply = RawHttp.sendInTwoParts(
                    server.address(),
                    head + "Host: 127.0.0.1\r\nContent-Length: 5\r\n\r\n",
                    "hello" + "GET /v2/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                    200);
            assertTrue(reply.status() >= 400 && reply.status() < 500, reply.text());
            assertTrue(reply.text().contains("HTTP/1.1 200 OK"), "no answer to the next request: " + reply.text());
        }
    }

    @Test
    void aRequestRefusedWithALargeBodyUnreadSaysTheConnectionCloses() throws Exception {
        RawReply reply = RawHttp.sendInTwoParts(
                server.address(),
                "PATCH /v2/" + repository
                        + "/blobs/uploads/nope HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10000000\r\n\r\n",
                "x".repeat(200_000),
                0);
        assertEquals(404, reply.status(), reply.text());
        assertTrue(reply.text().contains("Connection: close"), reply.text());
        client.patch("/v2/" + repository + "/blobs/uploads/nope", randomBytes(1_000_000))
                .assertError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN);
        client.get("/v2/").assertStatus(200);
    }

    @Test
    void anHttp10RequestIsServed() throws IOException {
        RawReply reply = RawHttp.send(server.address(), "GET /v2/ HTTP/1.0\r\n\r\n", new byte[0]);
        assertEquals(200, reply.status());
        assertTrue(reply.text().contains("Docker-Distribution-API-Version: registry/2.0"), reply.text());
    }

    @Test
    void aPatchWithAnEmptyBodyChangesNothing() {
        String location = client.startUpload(repository);
        assertEquals(
                "0-0", client.patch(location, new byte[0]).assertStatus(202).header("Range"));
        client.request("PATCH", location).assertStatus(202);
    }
}
