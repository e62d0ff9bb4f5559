package dev.berth.core.events;

/**
 * Takes events from an {@link OutboxWorker}, in outbox order. Deliveries are at least once: a batch may come again
 * after a failure or a restart, so a consumer deduplicates by {@link RegistryEvent#id()} or is idempotent.
 */
@FunctionalInterface
public interface EventConsumer {
    /**
     * Handles a batch. Returning acknowledges every event in it; throwing acknowledges none, and the batch comes
     * again after a backoff.
     */
    void accept(java.util.List<RegistryEvent> events) throws Exception;
}
