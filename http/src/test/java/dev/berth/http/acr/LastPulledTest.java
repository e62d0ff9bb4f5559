package dev.berth.http.acr;

import static dev.berth.http.acr.AcrClient.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.oci.Tag;
import dev.berth.core.registry.RepositoryRef;
import dev.berth.core.spi.MetadataStore;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pull by tag records when the tag and its manifest were pulled, a pull by digest the manifest only, a HEAD
 * neither. The times show at once and reach the store when the recorder is flushed.
 */
class LastPulledTest {
    @RegisterExtension
    static final AcrServer server = new AcrServer();

    private final AcrClient client = server.client();
    private final String repository = uniqueRepository("pulls");
    private AcrClient.Image image;

    @BeforeEach
    void pushImage() {
        image = client.pushImage(repository, "v1");
        client.putManifest(repository, "v2", AcrClient.OCI_MANIFEST, image.manifest())
                .assertStatus(201);
    }

    private JsonNode tag(String name) {
        return client.get("/acr/v1/" + repository + "/_tags/" + name).json().path("tag");
    }

    private JsonNode manifest() {
        return client.get("/acr/v1/" + repository + "/_manifests/" + image.digest())
                .json()
                .path("manifest");
    }

    @Test
    void nothingPulledShowsNoLastPulledTime() {
        client.head("/v2/" + repository + "/manifests/v1").assertStatus(200);
        assertFalse(tag("v1").has("lastPulledTime"));
        assertFalse(manifest().has("lastPulledTime"));
    }

    @Test
    void aPullByTagRecordsTheTagAndItsManifest() {
        Instant before = Instant.now().minusMillis(1);
        client.get("/v2/" + repository + "/manifests/v1").assertStatus(200);
        Instant tagPulled = Instant.parse(tag("v1").path("lastPulledTime").asText());
        assertFalse(tagPulled.isBefore(before));
        assertEquals(tagPulled, Instant.parse(manifest().path("lastPulledTime").asText()));
        assertFalse(tag("v2").has("lastPulledTime"));
        JsonNode listed = client.get("/acr/v1/" + repository + "/_tags").json().path("tags");
        assertTrue(listed.get(0).has("lastPulledTime"));
        assertFalse(listed.get(1).has("lastPulledTime"));
    }

    @Test
    void aPullByDigestRecordsOnlyTheManifest() {
        client.get("/v2/" + repository + "/manifests/" + image.digest()).assertStatus(200);
        assertTrue(manifest().has("lastPulledTime"));
        assertFalse(tag("v1").has("lastPulledTime"));
        assertFalse(tag("v2").has("lastPulledTime"));
    }

    @Test
    void flushedTimesAreInTheStoreAndStayTheSame() throws IOException {
        client.get("/v2/" + repository + "/manifests/v2").assertStatus(200);
        String shown = tag("v2").path("lastPulledTime").asText();
        assertTrue(server.dataPlane().pulls().flush() >= 2);
        MetadataStore metadata = server.metadata();
        long id = server.dataPlane()
                .repositories()
                .find(new RepositoryRef(
                        metadata.registries().find("default").orElseThrow(),
                        new dev.berth.core.oci.RepositoryName(repository)))
                .orElseThrow();
        assertEquals(
                Optional.of(Instant.parse(shown)),
                metadata.details().tag(id, new Tag("v2")).orElseThrow().lastPulledAt());
        assertEquals(
                Optional.of(Instant.parse(shown)),
                metadata.details().manifest(id, image.digest()).orElseThrow().lastPulledAt());
        assertEquals(shown, tag("v2").path("lastPulledTime").asText());
        assertEquals(0, server.dataPlane().pulls().flush());
    }
}
