package dev.berth.core.spi;

import dev.berth.core.events.RegistryEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The outbox: events of changes to registries' content, appended by the stores that make the changes, in the same
 * transaction ({@link ManifestStore#put}, {@link ManifestStore#delete}, {@link ManifestStore#quarantine}, {@link
 * TagStore#delete}, {@link RepositoryStore#deleteContent}), so an event exists exactly when its change committed. Sequence numbers
 * increase in commit order and are never reused, not even after a registry is deleted or old events are pruned. Each
 * consumer keeps a cursor here, the last sequence it has handled, to resume from after a restart.
 */
public interface EventStore {
    /** Events with a sequence above the given one, in sequence order, at most {@code limit}. */
    List<RegistryEvent> after(long sequence, int limit) throws IOException;

    /** The sequence of the newest event, or 0 when there is none. */
    long latest() throws IOException;

    /** The last sequence the consumer has handled, or 0 if it never advanced. */
    long cursor(String consumer) throws IOException;

    /** Moves the consumer's cursor to the given sequence; a cursor never moves back. */
    void advance(String consumer, long sequence) throws IOException;

    /**
     * Deletes the events made before the given time that every consumer's cursor has passed, always keeping the
     * newest event, so that its sequence is never given again. Works in small transactions, so writers never wait
     * long; returns how many went.
     */
    int prune(Instant before) throws IOException;
}
