package dev.berth.http.acr;

import static dev.berth.http.acr.AcrClient.uniqueRepository;
import static dev.berth.http.acr.RepositoryEndpointTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /acr/v1/<repository>/_tags[/<tag>]}: tags in detail, paged and ordered; one tag; its attributes; untag. */
class TagEndpointsTest {
    @RegisterExtension
    static final AcrServer server = new AcrServer();

    private final AcrClient client = server.client();
    private final String repository = uniqueRepository("tags");
    private AcrClient.Image one;
    private AcrClient.Image two;

    /** Tags c, a, b pushed in that order, a few milliseconds apart; b on a second manifest. */
    @BeforeEach
    void pushTags() throws InterruptedException {
        one = client.pushImage(repository, "c");
        Thread.sleep(5);
        client.putManifest(repository, "a", AcrClient.OCI_MANIFEST, one.manifest())
                .assertStatus(201);
        Thread.sleep(5);
        two = client.pushImage(repository, "b");
    }

    private String tags(String query) {
        return "/acr/v1/" + repository + "/_tags" + query;
    }

    @Test
    void tagsAreListedInDetailByName() {
        Reply reply = client.get(tags("")).assertStatus(200);
        JsonNode body = reply.json();
        assertEquals(List.of("registry", "imageName", "tags"), fieldNames(body));
        assertEquals(repository, body.path("imageName").asText());
        assertEquals(List.of("a", "b", "c"), reply.values("tags", "name"));
        JsonNode b = body.path("tags").get(1);
        assertEquals(List.of("name", "digest", "createdTime", "lastUpdateTime", "changeableAttributes"), fieldNames(b));
        assertEquals(two.digest().toString(), b.path("digest").asText());
        assertEquals(b.path("createdTime"), b.path("lastUpdateTime"));
        assertNull(reply.header("Link"));
    }

    @Test
    void pagesFollowTheLinkHeaderInEachOrder() {
        assertEquals(List.of("a", "b", "c"), walk(tags("?n=2")));
        assertEquals(List.of("b", "a", "c"), walk(tags("?n=1&orderby=timedesc")));
        assertEquals(List.of("c", "a", "b"), walk(tags("?n=2&orderby=timeasc")));
        Reply first = client.get(tags("?n=1&orderby=timedesc"));
        assertEquals(
                "</acr/v1/" + repository + "/_tags?last=b&n=1&orderby=timedesc>; rel=\"next\"", first.header("Link"));
        assertEquals(List.of("c"), client.get(tags("?last=b")).values("tags", "name"));
        assertEquals(List.of(), client.get(tags("?n=0")).values("tags", "name"));
    }

    /** Follows {@code Link} from the first page to the last, collecting the tag names. */
    private List<String> walk(String first) {
        List<String> names = new java.util.ArrayList<>();
        String next = first;
        for (int pages = 0; next != null && pages < 10; pages++) {
            Reply page = client.get(next).assertStatus(200);
            names.addAll(page.values("tags", "name"));
            String link = page.header("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        return names;
    }

    @Test
    void theDigestParameterKeepsOnlyTheTagsOnThatManifest() {
        assertEquals(
                List.of("a", "c"), client.get(tags("?digest=" + one.digest())).values("tags", "name"));
        client.get(tags("?digest=nonsense")).assertError(400, ErrorCode.DIGEST_INVALID);
    }

    @Test
    void badPagingParametersAre400() {
        client.get(tags("?n=x")).assertError(400, ErrorCode.PAGINATION_NUMBER_INVALID);
        client.get(tags("?n=-1")).assertError(400, ErrorCode.PAGINATION_NUMBER_INVALID);
        client.get(tags("?orderby=newest")).assertError(400, ErrorCode.INVALID_REQUEST);
    }

    @Test
    void oneTagIsShownInsideTheEnvelope() {
        JsonNode body = client.get(tags("/b")).assertStatus(200).json();
        assertEquals(List.of("registry", "imageName", "tag"), fieldNames(body));
        assertEquals("b", body.path("tag").path("name").asText());
        assertEquals(two.digest().toString(), body.path("tag").path("digest").asText());
        client.get(tags("/zzz")).assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.get(tags("/-bad")).assertError(400, ErrorCode.TAG_INVALID);
        client.get("/acr/v1/no/such/_tags/b").assertError(404, ErrorCode.NAME_UNKNOWN);
    }

    @Test
    void patchLocksOneTagAndAnswersIt() {
        JsonNode tag = client.patch(tags("/a"), "{\"writeEnabled\":false,\"deleteEnabled\":false}")
                .assertStatus(200)
                .json()
                .path("tag");
        assertFalse(tag.path("changeableAttributes").path("writeEnabled").asBoolean());
        assertFalse(tag.path("changeableAttributes").path("deleteEnabled").asBoolean());
        assertTrue(client.get(tags("/c"))
                .json()
                .path("tag")
                .path("changeableAttributes")
                .path("writeEnabled")
                .asBoolean());
        client.patch(tags("/zzz"), "{\"writeEnabled\":false}").assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.patch(tags("/a"), "{\"writeEnabled\":1}").assertError(400, ErrorCode.INVALID_REQUEST);
    }

    @Test
    void deleteUntagsAndLeavesTheManifest() {
        client.delete(tags("/a")).assertStatus(202);
        client.get(tags("/a")).assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.get("/v2/" + repository + "/manifests/" + one.digest()).assertStatus(200);
        client.delete(tags("/a")).assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        assertEquals(List.of("b", "c"), client.get(tags("")).values("tags", "name"));
    }

    @Test
    void aTagMovedByAPushKeepsItsCreationTimeAndLocks() throws InterruptedException {
        client.patch(tags("/c"), "{\"readEnabled\":false}").assertStatus(200);
        JsonNode before = client.get(tags("/c")).json().path("tag");
        Thread.sleep(5);
        client.putManifest(repository, "c", AcrClient.OCI_MANIFEST, two.manifest())
                .assertStatus(201);
        JsonNode after = client.get(tags("/c")).json().path("tag");
        assertEquals(two.digest().toString(), after.path("digest").asText());
        assertEquals(before.path("createdTime"), after.path("createdTime"));
        assertFalse(before.path("lastUpdateTime").equals(after.path("lastUpdateTime")));
        assertFalse(after.path("changeableAttributes").path("readEnabled").asBoolean());
    }
}
