package dev.berth.http.acr;

import static dev.berth.http.acr.AcrClient.uniqueRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.core.events.EventAction;
import dev.berth.core.events.EventTarget;
import dev.berth.core.events.RegistryEvent;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every change made through the OCI and metadata APIs leaves its event in the outbox, naming the request that made
 * it; reads and pulls leave none.
 */
class EventsTest {
    @RegisterExtension
    static final AcrServer server = new AcrServer();

    private final AcrClient client = server.client();
    private final String repository = uniqueRepository("events");

    private List<RegistryEvent> events() throws IOException {
        return server.metadata().events().after(0, 100_000).stream()
                .filter(e -> e.target().repository().equals(repository))
                .toList();
    }

    @Test
    void aPushByTagRecordsAPushEventWithItsTargetAndRequest() throws IOException {
        AcrClient.Image image = client.pushImage(repository, "v0");
        Reply reply = client.put(
                        "/v2/" + repository + "/manifests/v1",
                        image.manifest(),
                        "Content-Type",
                        AcrClient.OCI_MANIFEST,
                        "User-Agent",
                        "docker/27.0 test")
                .assertStatus(201);

        RegistryEvent push = events().getLast();
        assertEquals(EventAction.PUSH, push.action());
        long size = image.manifest().length;
        assertEquals(
                new EventTarget(AcrClient.OCI_MANIFEST, size, image.digest().toString(), size, repository, "v1"),
                push.target());
        assertEquals(reply.header("X-Request-Id"), push.request().id());
        assertEquals("PUT", push.request().method());
        assertEquals("docker/27.0 test", push.request().useragent());
        assertEquals("127.0.0.1", push.request().addr());
        assertFalse(push.request().host().isEmpty());
        assertEquals("", push.actor());
    }

    @Test
    void pullsAndReadsRecordNoEvents() throws IOException {
        client.pushImage(repository, "v1");
        int before = events().size();
        client.get("/v2/" + repository + "/manifests/v1", "Accept", AcrClient.OCI_MANIFEST)
                .assertStatus(200);
        client.get("/acr/v1/" + repository + "/_tags").assertStatus(200);
        assertEquals(before, events().size());
    }

    @Test
    void deletingAManifestRecordsADeleteEvent() throws IOException {
        AcrClient.Image image = client.pushImage(repository, "v1");
        client.delete("/v2/" + repository + "/manifests/" + image.digest()).assertStatus(202);
        RegistryEvent delete = events().getLast();
        assertEquals(EventAction.DELETE, delete.action());
        assertEquals(
                new EventTarget(AcrClient.OCI_MANIFEST, null, image.digest().toString(), null, repository, null),
                delete.target());
        assertEquals("DELETE", delete.request().method());
    }

    @Test
    void untaggingThroughTheMetadataApiRecordsATagDeleteEvent() throws IOException {
        AcrClient.Image image = client.pushImage(repository, "v1");
        client.delete("/acr/v1/" + repository + "/_tags/v1").assertStatus(202);
        RegistryEvent untag = events().getLast();
        assertEquals(EventAction.TAG_DELETE, untag.action());
        assertEquals("v1", untag.target().tag());
        assertEquals(image.digest().toString(), untag.target().digest());
    }

    @Test
    void deletingARepositoryThroughTheMetadataApiRecordsOneRepositoryDeleteEvent() throws IOException {
        client.pushImage(repository, "v1");
        client.pushImage(repository, "v2", "arm64");
        client.delete("/acr/v1/" + repository).assertStatus(202);
        List<RegistryEvent> events = events();
        assertEquals(
                List.of(EventAction.PUSH, EventAction.PUSH, EventAction.REPOSITORY_DELETE),
                events.stream().map(RegistryEvent::action).toList());
        assertNull(events.getLast().target().digest());
    }
}
