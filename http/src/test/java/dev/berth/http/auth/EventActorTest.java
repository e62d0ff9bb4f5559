package dev.berth.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.core.events.EventAction;
import dev.berth.core.events.RegistryEvent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The events of changes made by someone signed in name them as the actor. */
class EventActorTest {
    private static SecuredRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        registry = new SecuredRegistry();
    }

    @AfterAll
    static void stop() throws Exception {
        registry.close();
    }

    @Test
    void aPushWithBasicCredentialsNamesTheUserAsTheActor() throws Exception {
        AccessMatrixTestSupport.push(registry, "team/events");
        List<RegistryEvent> events = registry.metadata.events().after(0, 100);
        RegistryEvent push = events.getLast();
        assertEquals(EventAction.PUSH, push.action());
        assertEquals("team/events", push.target().repository());
        assertEquals("admin", push.actor());
        assertEquals("PUT", push.request().method());
    }
}
