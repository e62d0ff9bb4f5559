package dev.berth.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookScopeTest {
    @Test
    void emptyScopeHearsEverything() {
        assertTrue(WebhookScope.ALL.matches("any/repo", "t"));
        assertTrue(new WebhookScope(null).matches("any", null));
    }

    @Test
    void aRepositoryAloneMeansItsLatestTag() {
        WebhookScope scope = new WebhookScope("app");
        assertTrue(scope.matches("app", "latest"));
        assertFalse(scope.matches("app", "v1"));
        assertFalse(scope.matches("app2", "latest"));
    }

    @Test
    void starMatchesEveryTagAndRunsInsideNames() {
        assertTrue(new WebhookScope("app:*").matches("app", "v1"));
        assertTrue(new WebhookScope("team/*:v*").matches("team/web", "v2"));
        assertFalse(new WebhookScope("team/*:v*").matches("team/web", "latest"));
        assertFalse(new WebhookScope("a.p:*").matches("axp", "v1"), "only * is special");
    }

    @Test
    void anEventWithoutATagIsHeardByItsRepository() {
        assertTrue(new WebhookScope("app:v1").matches("app", null));
        assertFalse(new WebhookScope("app:v1").matches("web", null));
    }

    @Test
    void malformedScopesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookScope("a:b:c"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookScope(":tag"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookScope("a b"));
    }
}
