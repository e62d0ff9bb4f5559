package dev.berth.core.spi;

import dev.berth.core.spi.DirectoryStore.Creation;
import dev.berth.core.webhooks.Delivery;
import dev.berth.core.webhooks.Webhook;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registries' webhooks and the history of their deliveries. */
public interface WebhookStore {
    /**
     * Creates a webhook unless one of that name exists or the registry already has {@code limit}, atomically. Its
     * outbox cursor is set to the newest event in the same transaction, so it hears only what comes after.
     */
    Creation create(Webhook webhook, int limit) throws IOException;

    /** Replaces a webhook's settings (found by id); false when there is none. */
    boolean update(Webhook webhook) throws IOException;

    Optional<Webhook> find(long registryId, String name) throws IOException;

    Optional<Webhook> byId(String id) throws IOException;

    /** A registry's webhooks, by name. */
    List<Webhook> list(long registryId) throws IOException;

    /** Every webhook of the installation. */
    List<Webhook> all() throws IOException;

    /** Removes a webhook with its history and its cursor; false when there was none. */
    boolean delete(long registryId, String name) throws IOException;

    void record(Delivery delivery) throws IOException;

    /** A webhook's deliveries, newest first, from {@code offset}, at most {@code limit}. */
    List<Delivery> deliveries(String webhookId, int offset, int limit) throws IOException;

    Optional<Delivery> delivery(String webhookId, String deliveryId) throws IOException;

    /** Deletes the delivery attempts made before the given time, in small transactions; returns how many went. */
    int pruneDeliveries(Instant before) throws IOException;
}
