package dev.berth.http.acr;

import static dev.berth.http.acr.AcrClient.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.events.EventAction;
import dev.berth.core.events.RegistryEvent;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scanner sets a manifest's quarantine state as with ACR: a PATCH of {@code quarantineState} and {@code
 * quarantineDetails} on the metadata API. Both are kept and shown with the manifest's attributes, and the change is
 * a {@code quarantine} event; a malformed state changes nothing.
 */
class QuarantineTest {
    private static final String DETAILS =
            "{\"scanner\":\"trivy\",\"state\":\"Scan Passed\",\"result\":{\"summary\":[]}}";

    @RegisterExtension
    static final AcrServer server = new AcrServer();

    private final AcrClient client = server.client();
    private final String repository = uniqueRepository("quarantine");

    private List<RegistryEvent> events() throws IOException {
        return server.metadata().events().after(0, 100_000).stream()
                .filter(e -> e.target().repository().equals(repository))
                .toList();
    }

    private static String body(String state, String details) {
        return "{\"quarantineState\":\"" + state + "\",\"quarantineDetails\":" + quoted(details) + "}";
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\"", "\\\"") + "\"";
    }

    @Test
    void aScannersVerdictIsShownWithTheManifestAndRecordedAsAQuarantineEvent() throws IOException {
        AcrClient.Image image = client.pushImage(repository, "v1");
        String path = "/acr/v1/" + repository + "/_manifests/" + image.digest();

        JsonNode patched =
                client.patch(path, body("Passed", DETAILS)).assertStatus(200).json();
        JsonNode attributes = patched.path("manifest").path("changeableAttributes");
        assertEquals("Passed", attributes.path("quarantineState").asText());
        assertEquals(DETAILS, attributes.path("quarantineDetails").asText());
        assertEquals(true, attributes.path("deleteEnabled").asBoolean());
        JsonNode shown =
                client.get(path).assertStatus(200).json().path("manifest").path("changeableAttributes");
        assertEquals("Passed", shown.path("quarantineState").asText());
        JsonNode listed = client.get("/acr/v1/" + repository + "/_manifests")
                .assertStatus(200)
                .json()
                .path("manifests")
                .path(0)
                .path("changeableAttributes");
        assertEquals(DETAILS, listed.path("quarantineDetails").asText());

        RegistryEvent quarantine = events().getLast();
        assertEquals(EventAction.QUARANTINE, quarantine.action());
        assertEquals(image.digest().toString(), quarantine.target().digest());
        assertEquals("v1", quarantine.target().tag());
        assertEquals(AcrClient.OCI_MANIFEST, quarantine.target().mediaType());
        assertEquals("PATCH", quarantine.request().method());

        client.patch(path, body("Failed", "{}")).assertStatus(200);
        assertEquals(
                "Failed",
                client.get(path)
                        .json()
                        .path("manifest")
                        .path("changeableAttributes")
                        .path("quarantineState")
                        .asText());
    }

    @Test
    void anUnknownStateOrDetailsWithoutAStateAreRefusedAndRecordNothing() throws IOException {
        AcrClient.Image image = client.pushImage(repository, "v1");
        String path = "/acr/v1/" + repository + "/_manifests/" + image.digest();
        int before = events().size();
        client.patch(path, body("Maybe", "{}")).assertStatus(400);
        client.patch(path, "{\"quarantineDetails\":\"{}\"}").assertStatus(400);
        client.patch(path, "{\"quarantineState\":\"Passed\",\"quarantineDetails\":{}}")
                .assertStatus(400);
        assertEquals(before, events().size());
        assertFalse(client.get(path)
                .json()
                .path("manifest")
                .path("changeableAttributes")
                .has("quarantineState"));
    }
}
