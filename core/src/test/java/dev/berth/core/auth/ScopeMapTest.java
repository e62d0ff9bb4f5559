package dev.berth.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeMapTest {
    @Test
    void actionsAddUpOverMatchingPatterns() {
        ScopeMap map = new ScopeMap(
                "m",
                "",
                List.of(
                        "repositories/*/content/read",
                        "repositories/team/*/content/write",
                        "repositories/team/x/metadata/write"));
        assertEquals(Set.of("pull"), map.actionsOn("elsewhere"));
        assertEquals(Set.of("pull", "push"), map.actionsOn("team/y"));
        assertEquals(Set.of("pull", "push", "metadata_write"), map.actionsOn("team/x"));
    }

    @Test
    void theSystemMapsAreAcrs() {
        assertEquals(
                Set.of("pull"),
                ScopeMap.system("_repositories_pull").orElseThrow().actionsOn("a"));
        assertEquals(
                Set.of("pull", "push"),
                ScopeMap.system("_repositories_push").orElseThrow().actionsOn("a"));
        assertEquals(
                Set.of("pull", "push", "delete", "metadata_read", "metadata_write"),
                ScopeMap.system("_repositories_admin").orElseThrow().actionsOn("a"));
    }

    @Test
    void malformedActionsAreRefused() {
        for (String bad : List.of(
                "repositories/app/content/fly",
                "app/content/read",
                "repositories/App/content/read",
                "repositories/team*/content/read",
                "repositories//content/read")) {
            assertThrows(IllegalArgumentException.class, () -> new ScopeMap("m", "", List.of(bad)), bad);
        }
    }
}
