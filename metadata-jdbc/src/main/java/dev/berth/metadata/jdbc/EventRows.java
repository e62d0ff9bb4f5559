package dev.berth.metadata.jdbc;

import dev.berth.core.events.EventAction;
import dev.berth.core.events.EventPayload;
import dev.berth.core.events.EventTarget;
import dev.berth.core.events.RegistryEvent;
import dev.berth.core.events.RequestContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Appends events to the outbox on the connection of the change they record, so that both commit or neither does.
 * Stores that change content call {@link #append} inside their {@link Database#write}.
 */
final class EventRows {
    private final Clock clock;

    EventRows(Clock clock) {
        this.clock = clock;
    }

    /**
     * Appends an event about a repository; the registry and repository name are read in the same transaction.
     *
     * @param target the target, given the repository's name
     */
    void append(
            Connection c,
            long repositoryId,
            EventAction action,
            Function<String, EventTarget> target,
            RequestContext context)
            throws SQLException {
        Repository repository = Sql.first(
                        c,
                        "SELECT registry_id, name FROM repositories WHERE id = ?",
                        row -> new Repository(row.getLong(1), row.getString(2)),
                        repositoryId)
                .orElseThrow(() -> new SQLException("no repository with id " + repositoryId));
        Instant now = Instant.ofEpochMilli(clock.millis());
        RegistryEvent event = new RegistryEvent(
                0,
                UUID.randomUUID(),
                repository.registryId(),
                now,
                action,
                target.apply(repository.name()),
                context.request(),
                context.actor());
        Sql.update(
                c,
                "INSERT INTO events (registry_id, created_at, action, payload) VALUES (?, ?, ?, ?)",
                event.registryId(),
                now.toEpochMilli(),
                action.wireName(),
                EventPayload.write(event));
    }

    private record Repository(long registryId, String name) {}
}
