package dev.berth.http.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.core.events.EventAction;
import dev.berth.core.events.RegistryEvent;
import dev.berth.core.spi.RegistryStore.RegistryRecord;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An import through the management API is a push like any other: its event names the request and who made it. */
class ImportEventsTest {
    private static ManagedBerth berth;

    @BeforeAll
    static void start() throws Exception {
        berth = new ManagedBerth();
    }

    @AfterAll
    static void stop() throws Exception {
        berth.close();
    }

    @Test
    void anImportsPushEventNamesTheCallerAndTheRequest() throws Exception {
        berth.registry("evimpsrc", "Basic");
        berth.registry("evimpdst", "Basic");
        assertEquals(201, berth.push("evimpsrc", "app", ManagedBerth.ADMIN));
        ManagedBerth.Response imported = berth.admin(
                        "POST",
                        "/api/registries/evimpdst/importImage",
                        "{\"source\":{\"resourceId\":\"/registries/evimpsrc\",\"sourceImage\":\"app:v1\"},"
                                + "\"targetTags\":[\"copied:v1\"]}")
                .expect(200);

        RegistryRecord target = berth.metadata().registries().find("evimpdst").orElseThrow();
        List<RegistryEvent> events = berth.metadata().events().after(0, 1000).stream()
                .filter(event -> event.registryId() == target.id())
                .toList();
        // the import stores the manifest by digest first, then tags it: two pushes, the last one with the tag
        assertTrue(events.stream().allMatch(event -> event.actor().equals("admin")), events.toString());
        RegistryEvent push = events.getLast();
        assertEquals(EventAction.PUSH, push.action());
        assertEquals("copied", push.target().repository());
        assertEquals("v1", push.target().tag());
        assertEquals("admin", push.actor());
        assertEquals("POST", push.request().method());
        assertEquals(
                imported.header("X-Request-Id").orElseThrow(), push.request().id());
        assertTrue(push.request().host().startsWith("127.0.0.1"), push.request().host());
    }
}
