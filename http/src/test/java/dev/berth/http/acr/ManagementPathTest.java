package dev.berth.http.acr;

import static dev.berth.http.acr.AcrClient.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /api/registries/<name>/acr/v1/...} answers what {@code /acr/v1/...} answers on the registry's own host,
 * whatever host it is asked on; registries share nothing.
 */
class ManagementPathTest {
    @RegisterExtension
    static final AcrServer server = new AcrServer();

    private final AcrClient client = server.client();
    private final AcrClient second = server.secondClient();
    private final String repository = uniqueRepository("mgmt");

    @Test
    void everyRouteAnswersTheSameUnderTheRegistrysName() {
        AcrClient.Image image = client.pushImage(repository, "v1");
        for (String path : List.of(
                "/_catalog",
                "/" + repository,
                "/" + repository + "/_tags",
                "/" + repository + "/_tags/v1",
                "/" + repository + "/_manifests",
                "/" + repository + "/_manifests/" + image.digest())) {
            Reply direct = client.get("/acr/v1" + path).assertStatus(200);
            Reply named = second.get("/api/registries/default/acr/v1" + path).assertStatus(200);
            assertEquals(direct.json(), named.json(), path);
        }
    }

    @Test
    void changesAndDeletesGoToTheNamedRegistry() {
        second.pushImage(repository, "v1");
        String base = "/api/registries/second/acr/v1/" + repository;
        client.patch(base + "/_tags/v1", "{\"writeEnabled\":false}").assertStatus(200);
        second.putManifest(
                        repository,
                        "v1",
                        AcrClient.OCI_MANIFEST,
                        second.pushImage(repository, "v2").manifest())
                .assertError(403, ErrorCode.DENIED);
        client.get("/acr/v1/" + repository).assertError(404, ErrorCode.NAME_UNKNOWN);
        client.delete(base + "/_tags/v2").assertStatus(202);
        assertEquals(
                List.of("v1"), second.get("/acr/v1/" + repository + "/_tags").values("tags", "name"));
        client.patch(base + "/_tags/v1", "{\"writeEnabled\":true}").assertStatus(200);
        client.delete(base).assertStatus(202);
        second.get("/acr/v1/" + repository).assertError(404, ErrorCode.NAME_UNKNOWN);
    }

    @Test
    void linksKeepTheRegistrysPath() {
        client.pushImage(repository, "a");
        client.pushImage(repository, "b");
        Reply reply = client.get("/api/registries/default/acr/v1/" + repository + "/_tags?n=1");
        assertEquals(
                "</api/registries/default/acr/v1/" + repository + "/_tags?last=a&n=1>; rel=\"next\"",
                reply.header("Link"));
    }

    @Test
    void anUnknownRegistryIs404NameUnknown() {
        client.get("/api/registries/nosuch/acr/v1/_catalog").assertError(404, ErrorCode.NAME_UNKNOWN);
        client.get("/api/registries/nosuch/acr/v1/app/_tags").assertError(404, ErrorCode.NAME_UNKNOWN);
    }

    @Test
    void registriesShareNoContentCatalogOrLocks() {
        AcrClient.Image mine = client.pushImage(repository, "v1");
        second.pushImage(repository, "other");
        assertEquals(
                List.of("v1"), client.get("/acr/v1/" + repository + "/_tags").values("tags", "name"));
        assertEquals(
                List.of("other"), second.get("/acr/v1/" + repository + "/_tags").values("tags", "name"));
        second.get("/acr/v1/" + repository + "/_manifests/" + mine.digest())
                .assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.patch("/acr/v1/" + repository, "{\"listEnabled\":false}").assertStatus(200);
        assertFalse(client.get("/acr/v1/_catalog").values("repositories", null).contains(repository));
        assertTrue(second.get("/acr/v1/_catalog").values("repositories", null).contains(repository));
        second.delete("/acr/v1/" + repository).assertStatus(202);
        client.get("/acr/v1/" + repository + "/_tags/v1").assertStatus(200);
    }
}
