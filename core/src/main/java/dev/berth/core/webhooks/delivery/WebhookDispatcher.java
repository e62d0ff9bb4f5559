package dev.berth.core.webhooks.delivery;

import dev.berth.core.egress.Egress;
import dev.berth.core.events.EventSignal;
import dev.berth.core.outbox.OutboxWorker;
import dev.berth.core.spi.EventStore;
import dev.berth.core.spi.WebhookStore;
import dev.berth.core.webhooks.Webhook;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers the outbox to every webhook of the installation: one {@link OutboxWorker} per webhook, each with its
 * own cursor ({@link Webhook#consumerName()}), so events reach a webhook in order and a dead receiver holds back
 * only itself. Pushes never wait for any of it; they only append to the outbox and wake the workers. The set of
 * workers follows the webhooks table, looked at every {@code refreshInterval} and on {@link #refresh()}.
 *
 * <p>One dispatcher per process, and one process per database: nothing stops two processes from both delivering
 * every event. Several nodes will need leases on the webhooks' cursors first.
 */
public final class WebhookDispatcher implements Closeable {
    private static final System.Logger LOG = System.getLogger("berth.webhooks");
    static final String DELETED = "the webhook was deleted; what it had not been sent is dropped";
    private static final String CLOSING = "the server is stopping; what is unsent goes out after the next start";

    private final EventStore events;
    private final WebhookStore webhooks;
    private final EventSignal signal;
    private final Settings settings;
    private final WebhookSender sender;
    private final Clock clock;
    private final Map<String, Running> workers = new ConcurrentHashMap<>();
    private final Runnable wake = this::wakeAll;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * How webhooks are delivered.
     *
     * @param timeout how long one attempt waits for the receiver (ACR: 5 s)
     * @param retryWindow how long an event is retried before it is dead-lettered
     * @param initialBackoff the wait before the first retry; it doubles, with jitter, up to {@code maxBackoff}
     * @param refreshInterval how often the webhooks table is looked at for new or removed webhooks
     */
    public record Settings(
            Duration timeout,
            Duration retryWindow,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration refreshInterval,
            OutboxWorker.Settings outbox) {
        public static final Settings DEFAULTS = new Settings(
                Duration.ofSeconds(5),
                Duration.ofHours(24),
                Duration.ofSeconds(1),
                Duration.ofMinutes(10),
                Duration.ofSeconds(5),
                OutboxWorker.Settings.DEFAULTS);

        public Settings {
            if (timeout.isNegative() || timeout.isZero() || initialBackoff.isNegative() || initialBackoff.isZero()) {
                throw new IllegalArgumentException("the webhook timeout and backoff must be positive");
            }
        }
    }

    private record Running(OutboxWorker worker, WebhookDelivery delivery) {}

    private WebhookDispatcher(
            EventStore events,
            WebhookStore webhooks,
            EventSignal signal,
            Egress egress,
            Settings settings,
            Clock clock) {
        this.events = events;
        this.webhooks = webhooks;
        this.signal = signal;
        this.settings = settings;
        this.sender = new WebhookSender(egress, settings.timeout(), clock);
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("berth-webhooks").daemon().unstarted(this::run);
    }

    /** @param egress the way out every delivery takes, so the installation's egress policy applies to receivers */
    public static WebhookDispatcher start(
            EventStore events,
            WebhookStore webhooks,
            EventSignal signal,
            Egress egress,
            Settings settings,
            Clock clock) {
        WebhookDispatcher dispatcher = new WebhookDispatcher(events, webhooks, signal, egress, settings, clock);
        signal.subscribe(dispatcher.wake);
        dispatcher.refresh();
        dispatcher.thread.start();
        return dispatcher;
    }

    /** Starts workers for new webhooks and stops those of removed ones; safe to call at any time. */
    public synchronized void refresh() {
        if (!running) {
            return;
        }
        Set<String> ids = new HashSet<>();
        try {
            for (Webhook webhook : webhooks.all()) {
                ids.add(webhook.id());
                workers.computeIfAbsent(webhook.id(), this::startWorker);
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "could not read the webhooks; trying again later", e);
            return;
        }
        for (String id : Set.copyOf(workers.keySet())) {
            if (!ids.contains(id)) {
                stop(workers.remove(id), DELETED);
            }
        }
    }

    private Running startWorker(String id) {
        String consumer = Webhook.consumerName(id);
        WebhookDelivery delivery = new WebhookDelivery(
                id, webhooks, sender, settings, clock, sequence -> events.advance(consumer, sequence));
        return new Running(OutboxWorker.start(events, consumer, delivery, settings.outbox()), delivery);
    }

    private static void stop(Running running, String reason) {
        running.delivery().stop(reason);
        running.worker().close();
    }

    private void wakeAll() {
        workers.values().forEach(running -> running.worker().wake());
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(settings.refreshInterval());
            } catch (InterruptedException e) {
                return;
            }
            refresh();
        }
    }

    @Override
    public void close() {
        signal.unsubscribe(wake);
        synchronized (this) {
            running = false;
        }
        thread.interrupt();
        workers.values().forEach(running -> running.delivery().stop(CLOSING));
        workers.values().forEach(running -> running.worker().close());
        workers.clear();
        sender.close();
    }
}
