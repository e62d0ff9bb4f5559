package dev.berth.http.oci;

import static dev.berth.http.oci.Listings.names;
import static dev.berth.http.oci.TestImages.OCI_MANIFEST;
import static dev.berth.http.oci.TestImages.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.core.error.ErrorCode;
import dev.berth.http.oci.TestImages.Pushed;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagsEndpointTest {
    /** In lexical (byte) order: digits, upper case, underscore, lower case. */
    private static final List<String> TAGS = List.of("10", "9", "A-b", "B", "_x", "a", "latest", "v1.0", "v1.0.1");

    @RegisterExtension
    static final RegistryServer server = RegistryServer.create();

    private static final String REPOSITORY = uniqueRepository("tags");
    private static final String PATH = "/v2/" + REPOSITORY + "/tags/list";

    private final RegistryClient client = server.client();

    @BeforeAll
    static void pushTags() {
        RegistryClient client = server.client();
        Pushed image = client.pushImage(REPOSITORY, "v1.0.1");
        for (String tag : TAGS.reversed()) {
            client.pushManifest(REPOSITORY, tag, OCI_MANIFEST, image.content());
        }
    }

    @Test
    void theTagsListNamesTheRepositoryAndItsTagsInLexicalOrder() {
        Reply reply = client.get(PATH).assertStatus(200);
        assertEquals("application/json", reply.header("Content-Type"));
        assertEquals(REPOSITORY, reply.json().get("name").asText());
        assertEquals(TAGS, names(reply, "tags"));
        assertNull(reply.header("Link"));
    }

    @Test
    void aPageOfNTagsLinksToTheNextPage() {
        Reply reply = client.get(PATH + "?n=2").assertStatus(200);
        assertEquals(List.of("10", "9"), names(reply, "tags"));
        assertEquals("<" + PATH + "?n=2&last=9>; rel=\"next\"", reply.header("Link"));
    }

    @Test
    void followingTheLinksListsEveryTagOnce() {
        for (int n = 1; n <= TAGS.size() + 1; n++) {
            assertEquals(TAGS, Listings.all(client, PATH + "?n=" + n, "tags"), "n=" + n);
        }
    }

    @Test
    void thePageThatEndsTheListHasNoLink() {
        Reply reply = client.get(PATH + "?n=" + TAGS.size()).assertStatus(200);
        assertEquals(TAGS, names(reply, "tags"));
        assertNull(reply.header("Link"));
    }

    @Test
    void lastStartsTheListAfterTheGivenTag() {
        assertEquals(
                List.of("a", "latest"), names(client.get(PATH + "?n=2&last=_x").assertStatus(200), "tags"));
        assertEquals(TAGS.subList(6, 9), names(client.get(PATH + "?last=a").assertStatus(200), "tags"));
        assertEquals(
                List.of("latest", "v1.0"),
                names(client.get(PATH + "?n=2&last=b").assertStatus(200), "tags"));
        assertEquals(List.of(), names(client.get(PATH + "?last=zzz").assertStatus(200), "tags"));
    }

    @Test
    void nOfZeroAnswersAnEmptyList() {
        Reply reply = client.get(PATH + "?n=0").assertStatus(200);
        assertEquals(List.of(), names(reply, "tags"));
        assertNull(reply.header("Link"));
    }

    @Test
    void aHugeNIsCutToTheCap() {
        assertEquals(TAGS, names(client.get(PATH + "?n=2147483647").assertStatus(200), "tags"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.5", "99999999999", "0x10", "%20"})
    void aBadNAnswers400PaginationNumberInvalid(String n) {
        client.get(PATH + "?n=" + n).assertError(400, ErrorCode.PAGINATION_NUMBER_INVALID);
    }

    @Test
    void theTagsOfAnUnknownRepositoryAnswer404NameUnknown() {
        client.get("/v2/" + uniqueRepository("nobody") + "/tags/list").assertError(404, ErrorCode.NAME_UNKNOWN);
    }

    @Test
    void aRepositoryWithoutTagsHasAnEmptyList() {
        String repository = uniqueRepository("tags");
        client.pushBlob(repository, new byte[] {1});
        assertEquals(
                List.of(), names(client.get("/v2/" + repository + "/tags/list").assertStatus(200), "tags"));
    }

    @Test
    void headOfTheTagsListAnswersWithoutABody() {
        Reply reply = client.head(PATH).assertStatus(200);
        assertEquals(0, reply.body().length);
    }

    @Test
    void otherMethodsOnTheTagsListAnswer405() {
        client.delete(PATH).assertError(405, ErrorCode.METHOD_UNKNOWN);
    }
}
