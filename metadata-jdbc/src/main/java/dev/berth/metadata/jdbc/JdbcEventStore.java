package dev.berth.metadata.jdbc;

import dev.berth.core.events.EventPayload;
import dev.berth.core.events.RegistryEvent;
import dev.berth.core.spi.EventStore;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The outbox in the {@code events} table, with the consumers' cursors in {@code event_cursors}. Pruning keeps the
 * newest row, since SQLite gives a new row the largest sequence plus one.
 */
final class JdbcEventStore implements EventStore {
    private final Database database;

    JdbcEventStore(Database database) {
        this.database = database;
    }

    @Override
    public List<RegistryEvent> after(long sequence, int limit) throws IOException {
        return database.read(c -> Sql.query(
                c,
                "SELECT sequence, registry_id, payload FROM events WHERE sequence > ? ORDER BY sequence LIMIT ?",
                row -> EventPayload.read(row.getLong(1), row.getLong(2), row.getString(3)),
                sequence,
                limit));
    }

    @Override
    public long latest() throws IOException {
        return database.read(c -> Sql.first(c, "SELECT COALESCE(MAX(sequence), 0) FROM events", row -> row.getLong(1))
                .orElse(0L));
    }

    @Override
    public long cursor(String consumer) throws IOException {
        return database.read(c -> Sql.first(
                        c, "SELECT sequence FROM event_cursors WHERE consumer = ?", row -> row.getLong(1), consumer)
                .orElse(0L));
    }

    @Override
    public void advance(String consumer, long sequence) throws IOException {
        database.write(c -> Sql.update(
                c,
                "INSERT INTO event_cursors (consumer, sequence) VALUES (?, ?) ON CONFLICT (consumer)"
                        + " DO UPDATE SET sequence = excluded.sequence WHERE excluded.sequence > event_cursors.sequence",
                consumer,
                sequence));
    }

    @Override
    public int prune(Instant before) throws IOException {
        return BatchedDelete.run(
                database,
                "DELETE FROM events WHERE sequence IN (SELECT sequence FROM events WHERE created_at < ?"
                        + " AND sequence < (SELECT MAX(sequence) FROM events)"
                        + " AND sequence <= (SELECT COALESCE(MIN(sequence), (SELECT MAX(sequence) FROM events))"
                        + " FROM event_cursors) ORDER BY sequence LIMIT ?)",
                before.toEpochMilli());
    }
}
