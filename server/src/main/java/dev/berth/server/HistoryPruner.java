package dev.berth.server;

import dev.berth.core.spi.EventStore;
import dev.berth.core.spi.WebhookStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Keeps the outbox and the webhooks' delivery history from growing forever: every hour (first a minute after the
 * start) it prunes the events every consumer has handled that are older than their retention, and the delivery
 * attempts older than theirs.
 */
final class HistoryPruner {
    private static final System.Logger LOG = System.getLogger("berth.events");

    private HistoryPruner() {}

    /** How long each history is kept. */
    record Retention(Duration events, Duration deliveries) {}

    static Hourly start(EventStore events, WebhookStore webhooks, Retention retention, Clock clock) {
        return Hourly.start("berth-history-pruner", () -> pruneLogged(events, webhooks, retention, clock));
    }

    private static void pruneLogged(EventStore events, WebhookStore webhooks, Retention retention, Clock clock) {
        try {
            int pruned = events.prune(clock.instant().minus(retention.events()));
            int attempts = webhooks.pruneDeliveries(clock.instant().minus(retention.deliveries()));
            if (pruned + attempts > 0) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "pruned " + pruned + " handled events and " + attempts + " webhook delivery attempts");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "pruning the event history failed; trying again in an hour: " + e);
        }
    }
}
