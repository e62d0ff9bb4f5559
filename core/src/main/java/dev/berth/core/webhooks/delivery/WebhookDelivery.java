package dev.berth.core.webhooks.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.core.events.ConsumerStopped;
import dev.berth.core.events.EventConsumer;
import dev.berth.core.events.EventPayload;
import dev.berth.core.events.RegistryEvent;
import dev.berth.core.json.Json;
import dev.berth.core.spi.WebhookStore;
import dev.berth.core.webhooks.Delivery;
import dev.berth.core.webhooks.Webhook;
import dev.berth.core.webhooks.WebhookActions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The outbox consumer of one webhook: sends each event it hears in ACR's payload, retrying a failed one with
 * exponential backoff and jitter until the retry window is spent, then dead-letters it (recorded, and the cursor
 * moves on). Every attempt is recorded. The cursor moves past each event as soon as it is delivered or
 * dead-lettered, not only at the end of the batch, so a restart never sends again what a receiver acknowledged
 * (save for a crash between its answer and the record). Stopping it (the webhook went away, or the server closes)
 * abandons the rest of the batch unacknowledged, so nothing heard is lost.
 */
final class WebhookDelivery implements EventConsumer {
    private final String webhookId;
    private final WebhookStore store;
    private final WebhookSender sender;
    private final WebhookDispatcher.Settings settings;
    private final Clock clock;
    private final Acknowledger acknowledger;
    private volatile String stopReason;

    WebhookDelivery(
            String webhookId,
            WebhookStore store,
            WebhookSender sender,
            WebhookDispatcher.Settings settings,
            Clock clock,
            Acknowledger acknowledger) {
        this.webhookId = webhookId;
        this.store = store;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.acknowledger = acknowledger;
    }

    /** Moves the webhook's cursor to an event done with, before the batch ends. */
    @FunctionalInterface
    interface Acknowledger {
        void acknowledge(long sequence) throws IOException;
    }

    /** Makes the delivery give up its batch soon, with the reason to log. */
    void stop(String reason) {
        stopReason = reason;
    }

    @Override
    public void accept(List<RegistryEvent> events) throws IOException, ConsumerStopped {
        for (RegistryEvent event : events) {
            Webhook webhook = current(event);
            if (hears(webhook, event)) {
                deliver(webhook, event);
                acknowledger.acknowledge(event.sequence());
            }
        }
    }

    /** Whether the webhook is to be sent the event: enabled, same registry, an action it hears, in its scope. */
    static boolean hears(Webhook webhook, RegistryEvent event) {
        return webhook.enabled()
                && webhook.registryId() == event.registryId()
                && webhook.actions().contains(WebhookActions.of(event.action()))
                && webhook.scope()
                        .matches(event.target().repository(), event.target().tag());
    }

    /** ACR's payload: the stored event with its action as ACR names it. */
    static String payload(RegistryEvent event) {
        ObjectNode root = (ObjectNode) Json.parse(EventPayload.write(event).getBytes(StandardCharsets.UTF_8));
        root.put("action", WebhookActions.of(event.action()));
        return Json.writeString(root);
    }

    private void deliver(Webhook webhook, RegistryEvent event) throws IOException, ConsumerStopped {
        String action = WebhookActions.of(event.action());
        String body = payload(event);
        Instant first = clock.instant();
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            Delivery delivery = sender.send(webhook, event.id().toString(), action, attempt, body);
            if (delivery.delivered()) {
                store.record(delivery);
                return;
            }
            Duration wait = jittered(backoff);
            if (Duration.between(first, clock.instant()).plus(wait).compareTo(settings.retryWindow()) > 0) {
                store.record(withOutcome(delivery, Delivery.Outcome.DEAD_LETTERED));
                return;
            }
            store.record(delivery);
            pause(wait, event);
            webhook = current(event);
            if (!hears(webhook, event)) {
                return;
            }
            backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
        }
    }

    private Webhook current(RegistryEvent event) throws IOException, ConsumerStopped {
        if (stopReason != null) {
            throw stopped(event);
        }
        Optional<Webhook> webhook = store.byId(webhookId);
        if (webhook.isEmpty()) {
            stopReason = WebhookDispatcher.DELETED;
            throw stopped(event);
        }
        return webhook.get();
    }

    private ConsumerStopped stopped(RegistryEvent event) {
        return new ConsumerStopped(stopReason + " (at event " + event.sequence() + ")");
    }

    /** Waits, in short steps so that a stop is seen soon. */
    private void pause(Duration wait, RegistryEvent event) throws ConsumerStopped {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (stopReason == null && System.nanoTime() < deadline) {
                Thread.sleep(Math.max(1, Math.min(100, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopReason = "interrupted";
        }
        if (stopReason != null) {
            throw stopped(event);
        }
    }

    /** Between half the backoff and all of it, so that many webhooks retrying do not move in step. */
    private static Duration jittered(Duration backoff) {
        long millis = Math.max(1, backoff.toMillis());
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Delivery withOutcome(Delivery d, Delivery.Outcome outcome) {
        return new Delivery(
                d.id(),
                d.webhookId(),
                d.eventId(),
                d.action(),
                d.attempt(),
                d.time(),
                d.requestUri(),
                d.requestHeaders(),
                d.requestBody(),
                d.status(),
                d.responseHeaders(),
                d.responseBody(),
                d.durationMillis(),
                outcome,
                d.error());
    }
}
