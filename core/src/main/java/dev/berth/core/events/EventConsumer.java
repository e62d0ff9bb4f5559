package dev.berth.core.events;

import java.util.List;

/**
 * Takes events from an {@link dev.berth.core.outbox.OutboxWorker}, in outbox order. Deliveries are at least once: a batch may come again
 * after a failure or a restart, so a consumer deduplicates by {@link RegistryEvent#id()} or is idempotent.
 */
@FunctionalInterface
public interface EventConsumer {
    /**
     * Handles a batch. Returning acknowledges every event in it; throwing acknowledges none, and the batch comes
     * again after a backoff.
     */
    void accept(List<RegistryEvent> events) throws Exception;
}
