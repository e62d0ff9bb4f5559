package dev.berth.http.acr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.core.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /acr/v1/_catalog}: the listed repositories in byte order, paged like {@code /v2/_catalog}. */
class CatalogEndpointTest {
    @RegisterExtension
    static final AcrServer server = new AcrServer();

    private final AcrClient client = server.client();

    @Test
    void theCatalogIsPagedWithTheLinkHeader() {
        for (String name : List.of("cat/b", "cat/a", "cat/c")) {
            client.pushImage(name, "v1");
        }
        Reply first = client.get("/acr/v1/_catalog?n=2").assertStatus(200);
        assertEquals(List.of("cat/a", "cat/b"), first.values("repositories", null));
        assertEquals("</acr/v1/_catalog?last=cat%2Fb&n=2>; rel=\"next\"", first.header("Link"));
        Reply rest = client.get("/acr/v1/_catalog?n=2&last=cat/b").assertStatus(200);
        assertEquals(List.of("cat/c"), rest.values("repositories", null));
        assertNull(rest.header("Link"));
        assertEquals(List.of(), client.get("/acr/v1/_catalog?n=0").values("repositories", null));
        client.get("/acr/v1/_catalog?n=many").assertError(400, ErrorCode.PAGINATION_NUMBER_INVALID);
        client.send("DELETE", "/acr/v1/_catalog", null).assertError(405, ErrorCode.METHOD_UNKNOWN);
    }
}
