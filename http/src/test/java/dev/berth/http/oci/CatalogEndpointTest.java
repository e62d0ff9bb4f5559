package dev.berth.http.oci;

import static dev.berth.http.oci.Listings.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.core.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalog sees the whole registry, so each test gets a fresh server. */
class CatalogEndpointTest {
    /** In lexical (byte) order: '-' sorts before '/', and '/' before letters. */
    private static final List<String> REPOSITORIES = List.of("a", "a-b", "a/x", "a/x/y", "b", "c_d");

    @RegisterExtension
    final RegistryServer server = RegistryServer.create();

    @Test
    void anEmptyRegistryHasAnEmptyCatalog() {
        Reply reply = server.client().get("/v2/_catalog").assertStatus(200);
        assertEquals("application/json", reply.header("Content-Type"));
        assertEquals(List.of(), names(reply, "repositories"));
    }

    @Test
    void theCatalogListsRepositoriesInLexicalOrder() {
        pushAll();
        Reply reply = server.client().get("/v2/_catalog").assertStatus(200);
        assertEquals(REPOSITORIES, names(reply, "repositories"));
        assertNull(reply.header("Link"));
    }

    @Test
    void aPageOfTheCatalogLinksToTheNextWithTheLastNameEncoded() {
        pushAll();
        Reply reply = server.client().get("/v2/_catalog?n=3").assertStatus(200);
        assertEquals(List.of("a", "a-b", "a/x"), names(reply, "repositories"));
        assertEquals("</v2/_catalog?n=3&last=a%2Fx>; rel=\"next\"", reply.header("Link"));
        assertEquals(List.of("a/x/y", "b", "c_d"), names(server.client().get(Listings.next(reply)), "repositories"));
    }

    @Test
    void followingTheLinksListsEveryRepositoryOnce() {
        pushAll();
        for (int n = 1; n <= REPOSITORIES.size() + 1; n++) {
            assertEquals(REPOSITORIES, Listings.all(server.client(), "/v2/_catalog?n=" + n, "repositories"), "n=" + n);
        }
    }

    @Test
    void repositoriesWithoutManifestsAreNotListed() {
        server.client().pushBlob("blobs/only", new byte[] {1, 2});
        server.client().startUpload("uploads/only");
        server.client().pushImage("with/manifest", "latest");
        assertEquals(List.of("with/manifest"), names(server.client().get("/v2/_catalog"), "repositories"));
    }

    @Test
    void nOfZeroAnswersAnEmptyCatalog() {
        pushAll();
        Reply reply = server.client().get("/v2/_catalog?n=0").assertStatus(200);
        assertEquals(List.of(), names(reply, "repositories"));
        assertNull(reply.header("Link"));
    }

    @Test
    void aBadNAnswers400PaginationNumberInvalid() {
        for (String n : new String[] {"x", "-5", "1e3", "3000000000"}) {
            server.client().get("/v2/_catalog?n=" + n).assertError(400, ErrorCode.PAGINATION_NUMBER_INVALID);
        }
    }

    @Test
    void otherMethodsOnTheCatalogAnswer405() {
        server.client().delete("/v2/_catalog").assertError(405, ErrorCode.METHOD_UNKNOWN);
    }

    private void pushAll() {
        for (String repository : REPOSITORIES.reversed()) {
            server.client().pushImage(repository, "latest");
        }
    }
}
