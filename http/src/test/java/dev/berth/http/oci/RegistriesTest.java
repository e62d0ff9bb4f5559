package dev.berth.http.oci;

import static dev.berth.http.oci.TestImages.randomBytes;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import dev.berth.http.oci.RawHttp.RawReply;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Host header picks the registry; registries share nothing, and a host that names none gets 404. */
class RegistriesTest {
    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private final RegistryClient client = server.client();
    private final String repository = uniqueRepository("hosts");

    @Test
    void aHostThatNamesNoRegistryAnswers404NameUnknown() throws IOException {
        RawReply reply = raw("GET", "/v2/", "nobody.example", new byte[0]);
        assertEquals(404, reply.status());
        assertTrue(reply.text().contains("\"NAME_UNKNOWN\""), reply.text());
        assertTrue(reply.text().contains("Docker-Distribution-API-Version: registry/2.0"), reply.text());
    }

    @Test
    void aBlobPushedToOneRegistryIsNotVisibleInAnother() throws IOException {
        byte[] content = randomBytes(64);
        Digest digest = Digest.sha256(content);
        assertEquals(
                201,
                raw(
                                "POST",
                                "/v2/" + repository + "/blobs/uploads/?digest=" + digest,
                                RegistryServer.SECOND_HOST,
                                content)
                        .status());
        assertEquals(
                200,
                raw("GET", "/v2/" + repository + "/blobs/" + digest, RegistryServer.SECOND_HOST, new byte[0])
                        .status());
        client.getBlob(repository, digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void aBlobCannotBeMountedFromARepositoryOfAnotherRegistry() throws IOException {
        String source = uniqueRepository("hosts");
        byte[] content = randomBytes(64);
        Digest digest = Digest.sha256(content);
        assertEquals(
                201,
                raw("POST", "/v2/" + source + "/blobs/uploads/?digest=" + digest, RegistryServer.SECOND_HOST, content)
                        .status());
        client.post("/v2/" + repository + "/blobs/uploads/?mount=" + digest + "&from=" + source, new byte[0])
                .assertStatus(202);
        client.getBlob(repository, digest).assertError(404, ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void eachRegistryHasItsOwnCatalogAndTags() throws IOException {
        client.pushImage(repository, "latest");
        RawReply tags = raw("GET", "/v2/" + repository + "/tags/list", RegistryServer.SECOND_HOST, new byte[0]);
        assertEquals(404, tags.status());
        RawReply catalog = raw("GET", "/v2/_catalog", RegistryServer.SECOND_HOST, new byte[0]);
        assertEquals(200, catalog.status());
        assertTrue(!catalog.text().contains(repository), catalog.text());
    }

    private RawReply raw(String method, String target, String host, byte[] body) throws IOException {
        return RawHttp.send(
                server.address(),
                method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n",
                body);
    }
}
