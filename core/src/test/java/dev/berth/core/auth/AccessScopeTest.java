package dev.berth.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessScopeTest {
    @Test
    void parsesDockerScopes() {
        assertEquals(
                List.of(
                        new AccessScope("repository", "library/app", Set.of("pull", "push")),
                        new AccessScope("registry", "catalog", Set.of("*"))),
                AccessScope.parseAll("repository:library/app:pull,push registry:catalog:*"));
    }

    @Test
    void keepsColonsInsideTheName() {
        assertEquals(
                List.of(new AccessScope("repository", "host:5000/app", Set.of("pull"))),
                AccessScope.parseAll("repository:host:5000/app:pull"));
    }

    @Test
    void skipsMalformedEntries() {
        assertEquals(List.of(), AccessScope.parseAll("nonsense repository:app: :: repository:app"));
        assertEquals(List.of(), AccessScope.parseAll(null));
    }

    @Test
    void aStarAllowsEveryAction() {
        assertTrue(AccessScope.catalog().allows("anything"));
        assertFalse(AccessScope.repository("app", "pull").allows("push"));
    }

    @Test
    void repositoryPatternsMatchNamesAndPrefixes() {
        assertTrue(RepositoryPattern.matches("*", "a/b"));
        assertTrue(RepositoryPattern.matches("team/*", "team/a/b"));
        assertFalse(RepositoryPattern.matches("team/*", "team"));
        assertFalse(RepositoryPattern.matches("team/*", "teams/a"));
        assertTrue(RepositoryPattern.matches("app", "app"));
        assertFalse(RepositoryPattern.matches("app", "app/x"));
        assertTrue(RepositoryPattern.isValid("team/*"));
        assertFalse(RepositoryPattern.isValid("team*"));
        assertFalse(RepositoryPattern.isValid("Team/*"));
    }
}
