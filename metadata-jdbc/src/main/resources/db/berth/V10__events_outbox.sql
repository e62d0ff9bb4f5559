-- The outbox: one row per change to a registry's content, written in the change's own transaction. The sequence
-- orders events for the workers that read them; with SQLite's single writer it is commit order, and AUTOINCREMENT
-- semantics are not needed because events are never deleted, so the largest sequence is never given again.
-- payload is the event as JSON (ACR's webhook shape: id, timestamp, action, target, request, actor).
CREATE TABLE events (
    sequence ${identity},
    registry_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    action VARCHAR(32) NOT NULL,
    payload TEXT NOT NULL
);

-- How far each consumer of the outbox has read: the last sequence it handled.
CREATE TABLE event_cursors (
    consumer VARCHAR(100) NOT NULL PRIMARY KEY,
    sequence BIGINT NOT NULL
);
