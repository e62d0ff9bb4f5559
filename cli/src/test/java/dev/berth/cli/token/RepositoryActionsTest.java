package dev.berth.cli.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepositoryActionsTest {
    @Test
    void eachRepositoryIsFollowedByItsActions() {
        assertEquals(
                List.of(
                        "repositories/app/content/read",
                        "repositories/app/metadata/read",
                        "repositories/team/*/content/write"),
                RepositoryActions.parse(List.of(
                        "app", "content/read", "metadata/read", "team/*", "content/write", "app", "content/read")));
    }

    @Test
    void aRepositoryWithoutActionsOrAnActionWithoutRepositoryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RepositoryActions.parse(List.of("app", "other")));
        assertThrows(IllegalArgumentException.class, () -> RepositoryActions.parse(List.of("content/read", "app")));
        assertThrows(IllegalArgumentException.class, () -> RepositoryActions.parse(List.of("app", "pull")));
    }
}
