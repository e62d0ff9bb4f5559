package dev.berth.http.acr;

import static dev.berth.http.acr.AcrClient.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.error.ErrorCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /acr/v1/<repository>}: details and attributes, changing them, deleting the whole repository. */
class RepositoryEndpointTest {
    @RegisterExtension
    static final AcrServer server = new AcrServer();

    private final AcrClient client = server.client();
    private final String repository = uniqueRepository("repo");

    @Test
    void aRepositoryShowsItsCountsTimesAndAttributesAsAcrDoes() {
        client.pushImage(repository, "v1");
        AcrClient.Image two = client.pushImage(repository, "v2");
        client.putManifest(repository, "v3", AcrClient.OCI_MANIFEST, two.manifest())
                .assertStatus(201);
        Reply reply = client.get("/acr/v1/" + repository).assertStatus(200);
        assertEquals("application/json", reply.header("Content-Type"));
        JsonNode body = reply.json();
        assertEquals(
                List.of(
                        "registry",
                        "imageName",
                        "createdTime",
                        "lastUpdateTime",
                        "manifestCount",
                        "tagCount",
                        "changeableAttributes"),
                fieldNames(body));
        assertEquals("default", body.path("registry").asText());
        assertEquals(repository, body.path("imageName").asText());
        assertEquals(2, body.path("manifestCount").asLong());
        assertEquals(3, body.path("tagCount").asLong());
        Instant created = Instant.parse(body.path("createdTime").asText());
        assertFalse(Instant.parse(body.path("lastUpdateTime").asText()).isBefore(created));
        JsonNode attributes = body.path("changeableAttributes");
        assertEquals(List.of("deleteEnabled", "writeEnabled", "readEnabled", "listEnabled"), fieldNames(attributes));
        attributes.forEach(value -> assertTrue(value.asBoolean()));
    }

    @Test
    void patchChangesOnlyTheAttributesItNamesAndAnswersTheRepository() {
        client.pushImage(repository, "v1");
        JsonNode first = client.patch("/acr/v1/" + repository, "{\"writeEnabled\":false}")
                .assertStatus(200)
                .json();
        assertFalse(first.path("changeableAttributes").path("writeEnabled").asBoolean());
        assertTrue(first.path("changeableAttributes").path("deleteEnabled").asBoolean());
        client.patch("/acr/v1/" + repository, "{\"listEnabled\":false,\"readEnabled\":false}")
                .assertStatus(200);
        JsonNode now = client.get("/acr/v1/" + repository).json().path("changeableAttributes");
        assertFalse(now.path("writeEnabled").asBoolean());
        assertFalse(now.path("listEnabled").asBoolean());
        assertFalse(now.path("readEnabled").asBoolean());
        assertTrue(now.path("deleteEnabled").asBoolean());
        assertEquals(now, client.patch("/acr/v1/" + repository, "{}").json().path("changeableAttributes"));
    }

    @Test
    void deleteRemovesEveryManifestAndTagAndAnswersWhatWent() {
        AcrClient.Image one = client.pushImage(repository, "b");
        AcrClient.Image two = client.pushImage(repository, "a");
        Reply reply = client.delete("/acr/v1/" + repository).assertStatus(202);
        assertEquals(List.of("a", "b"), reply.values("tagsDeleted", null));
        assertEquals(
                List.of(one.digest().toString(), two.digest().toString()).stream()
                        .sorted()
                        .toList(),
                reply.values("manifestsDeleted", null));
        client.get("/acr/v1/" + repository).assertError(404, ErrorCode.NAME_UNKNOWN);
        client.get("/v2/" + repository + "/manifests/" + one.digest()).assertError(404, ErrorCode.MANIFEST_UNKNOWN);
        client.get("/v2/" + repository + "/blobs/" + one.layer()).assertError(404, ErrorCode.BLOB_UNKNOWN);
        assertFalse(client.get("/acr/v1/_catalog").text().contains(repository));
        client.delete("/acr/v1/" + repository).assertError(404, ErrorCode.NAME_UNKNOWN);
    }

    @Test
    void aRepositoryPushedAgainAfterDeletionStartsWithItsAttributesOn() {
        client.pushImage(repository, "v1");
        client.patch("/acr/v1/" + repository, "{\"listEnabled\":false}").assertStatus(200);
        client.delete("/acr/v1/" + repository).assertStatus(202);
        client.pushImage(repository, "v1");
        JsonNode body = client.get("/acr/v1/" + repository).assertStatus(200).json();
        assertEquals(1, body.path("manifestCount").asLong());
        assertTrue(body.path("changeableAttributes").path("listEnabled").asBoolean());
    }

    @Test
    void anUnknownOrEmptyRepositoryIs404NameUnknown() {
        client.get("/acr/v1/" + repository).assertError(404, ErrorCode.NAME_UNKNOWN);
        client.patch("/acr/v1/" + repository, "{\"writeEnabled\":false}").assertError(404, ErrorCode.NAME_UNKNOWN);
        client.pushBlob(repository, AcrClient.bytes("only a blob"));
        client.get("/acr/v1/" + repository).assertError(404, ErrorCode.NAME_UNKNOWN);
        client.get("/acr/v1/" + repository + "/_tags").assertError(404, ErrorCode.NAME_UNKNOWN);
        client.get("/acr/v1/" + repository + "/_manifests").assertError(404, ErrorCode.NAME_UNKNOWN);
    }

    @Test
    void aMalformedPatchBodyIs400InvalidRequest() {
        client.pushImage(repository, "v1");
        for (String body : List.of(
                "",
                "not json",
                "[]",
                "true",
                "{\"writeEnabled\":\"false\"}",
                "{\"writeEnabled\":null}",
                "{\"quarantineState\":\"Passed\"}",
                "{\"writeEnabled\":false,\"writeEnabled\":true}")) {
            client.patch("/acr/v1/" + repository, body).assertError(400, ErrorCode.INVALID_REQUEST);
        }
        assertTrue(client.get("/acr/v1/" + repository)
                .json()
                .path("changeableAttributes")
                .path("writeEnabled")
                .asBoolean());
        client.patch("/acr/v1/" + repository, "{\"a\":\"" + "x".repeat(70_000) + "\"}")
                .assertError(413, ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void anInvalidNameIs400AndAnUnknownMethod405WithAllow() {
        client.get("/acr/v1/UPPER/case").assertError(400, ErrorCode.NAME_INVALID);
        client.pushImage(repository, "v1");
        Reply reply =
                client.send("PUT", "/acr/v1/" + repository, new byte[0]).assertError(405, ErrorCode.METHOD_UNKNOWN);
        assertEquals("GET, HEAD, PATCH, DELETE", reply.header("Allow"));
        client.send("POST", "/acr/v1/" + repository + "/_tags", new byte[0]).assertError(405, ErrorCode.METHOD_UNKNOWN);
        client.get("/acr/v1").assertError(404, ErrorCode.NAME_UNKNOWN);
        client.get("/acr/v1/").assertError(404, ErrorCode.NAME_UNKNOWN);
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        client.pushImage(repository, "v1");
        Reply get = client.get("/acr/v1/" + repository);
        Reply head = client.head("/acr/v1/" + repository).assertStatus(200);
        assertEquals(0, head.body().length);
        assertEquals(Integer.toString(get.body().length), head.header("Content-Length"));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
