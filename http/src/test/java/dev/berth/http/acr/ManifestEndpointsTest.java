package dev.berth.http.acr;

import static dev.berth.http.acr.AcrClient.uniqueRepository;
import static dev.berth.http.acr.RepositoryEndpointTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.error.ErrorCode;
import dev.berth.core.oci.Digest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /acr/v1/<repository>/_manifests[/<digest>]}: manifests in detail, paged and ordered; one; attributes; delete. */
class ManifestEndpointsTest {
    @RegisterExtension
    static final AcrServer server = new AcrServer();

    private final AcrClient client = server.client();
    private final String repository = uniqueRepository("manifests");
    private AcrClient.Image amd64;
    private AcrClient.Image arm64;
    private Digest index;

    @BeforeEach
    void pushMultiArchImage() throws InterruptedException {
        amd64 = client.pushImage(repository, "amd64", "amd64");
        Thread.sleep(5);
        arm64 = client.pushImage(repository, "arm64", "arm64");
        Thread.sleep(5);
        index = client.pushIndex(repository, "latest", amd64, arm64);
    }

    private String manifests(String rest) {
        return "/acr/v1/" + repository + "/_manifests" + rest;
    }

    @Test
    void anImageShowsItsPlatformSizesTypesAndTags() {
        JsonNode body =
                client.get(manifests("/" + amd64.digest())).assertStatus(200).json();
        assertEquals(List.of("registry", "imageName", "manifest"), fieldNames(body));
        JsonNode m = body.path("manifest");
        assertEquals(
                List.of(
                        "digest",
                        "imageSize",
                        "createdTime",
                        "lastUpdateTime",
                        "architecture",
                        "os",
                        "mediaType",
                        "configMediaType",
                        "tags",
                        "changeableAttributes"),
                fieldNames(m));
        assertEquals("amd64", m.path("architecture").asText());
        assertEquals("linux", m.path("os").asText());
        assertEquals(AcrClient.OCI_MANIFEST, m.path("mediaType").asText());
        assertEquals(AcrClient.OCI_CONFIG, m.path("configMediaType").asText());
        assertEquals(List.of("amd64"), textValues(m.path("tags")));
        long configAndLayer = client.head("/v2/" + repository + "/blobs/" + amd64.config())
                        .headers()
                        .firstValueAsLong("Content-Length")
                        .orElseThrow()
                + client.head("/v2/" + repository + "/blobs/" + amd64.layer())
                        .headers()
                        .firstValueAsLong("Content-Length")
                        .orElseThrow();
        assertEquals(
                amd64.manifest().length + configAndLayer, m.path("imageSize").asLong());
    }

    @Test
    void anIndexShowsItsReferencesWithTheirPlatforms() {
        JsonNode m = client.get(manifests("/" + index)).json().path("manifest");
        assertEquals(AcrClient.OCI_INDEX, m.path("mediaType").asText());
        assertFalse(m.has("architecture"));
        assertFalse(m.has("configMediaType"));
        JsonNode references = m.path("references");
        assertEquals(2, references.size());
        assertEquals(amd64.digest().toString(), references.get(0).path("digest").asText());
        assertEquals("amd64", references.get(0).path("architecture").asText());
        assertEquals("arm64", references.get(1).path("architecture").asText());
        assertEquals("linux", references.get(1).path("os").asText());
    }

    @Test
    void manifestsAreListedByDigestOrTimeAndPaged() {
        List<String> byDigest = List.of(
                        amd64.digest().toString(), arm64.digest().toString(), index.toString())
                .stream()
                .sorted()
                .toList();
        Reply all = client.get(manifests("")).assertStatus(200);
        assertEquals(List.of("registry", "imageName", "manifests"), fieldNames(all.json()));
        assertEquals(byDigest, all.values("manifests", "digest"));
        Reply newest = client.get(manifests("?n=1&orderby=timedesc"));
        assertEquals(List.of(index.toString()), newest.values("manifests", "digest"));
        assertEquals(
                "</acr/v1/" + repository + "/_manifests?last="
                        + index.toString().replace(":", "%3A") + "&n=1&orderby=timedesc>; rel=\"next\"",
                newest.header("Link"));
        String next = newest.header("Link").substring(1, newest.header("Link").indexOf('>'));
        assertEquals(List.of(arm64.digest().toString()), client.get(next).values("manifests", "digest"));
        assertEquals(
                List.of(amd64.digest().toString(), arm64.digest().toString()),
                client.get(manifests("?orderby=timeasc&n=2")).values("manifests", "digest"));
        client.get(manifests("?n=abc")).assertError(400, ErrorCode.PAGINATION_NUMBER_INVALID);
        client.get(manifests("?orderby=time_desc")).assertError(400, ErrorCode.INVALID_REQUEST);
    }

    @Test
    void unknownAndMalformedDigestsAreClientErrors() {
        Digest unknown = Digest.sha256(AcrClient.bytes("nothing"));
        client.get(manifests("/" + unknown)).assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.patch(manifests("/" + unknown), "{\"readEnabled\":false}").assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.delete(manifests("/" + unknown)).assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.get(manifests("/latest")).assertError(400, ErrorCode.DIGEST_INVALID);
        client.get(manifests("/sha256:zz")).assertError(400, ErrorCode.DIGEST_INVALID);
    }

    @Test
    void patchLocksOneManifestAndNotItsTags() {
        JsonNode m = client.patch(manifests("/" + amd64.digest()), "{\"deleteEnabled\":false}")
                .assertStatus(200)
                .json()
                .path("manifest");
        assertFalse(m.path("changeableAttributes").path("deleteEnabled").asBoolean());
        assertTrue(client.get("/acr/v1/" + repository + "/_tags/amd64")
                .json()
                .path("tag")
                .path("changeableAttributes")
                .path("deleteEnabled")
                .asBoolean());
    }

    @Test
    void deleteRemovesTheManifestAndItsTagsButNotItsChildren() {
        client.delete("/acr/v1/" + repository + "/_tags/arm64").assertStatus(202);
        client.delete(manifests("/" + index)).assertStatus(202);
        client.get(manifests("/" + index)).assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.get("/acr/v1/" + repository + "/_tags/latest").assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        assertEquals(
                2,
                client.get("/acr/v1/" + repository).json().path("manifestCount").asLong());
        assertEquals(
                List.of(),
                textValues(client.get(manifests("/" + arm64.digest()))
                        .json()
                        .path("manifest")
                        .path("tags")));
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
