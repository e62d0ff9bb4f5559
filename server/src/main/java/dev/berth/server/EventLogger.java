package dev.berth.server;

import dev.berth.core.events.EventPayload;
import dev.berth.core.events.EventSignal;
import dev.berth.core.events.RegistryEvent;
import dev.berth.core.outbox.OutboxWorker;
import dev.berth.core.spi.EventStore;
import java.io.Closeable;
import java.util.List;

/**
 * The first consumer of the outbox: logs every event at DEBUG on {@code berth.events}, woken after each commit.
 * Webhooks, replication and scanning will be consumers beside it, each with its own cursor.
 */
final class EventLogger implements Closeable {
    /** The name of this consumer's cursor in the outbox. */
    static final String CONSUMER = "log";

    private static final System.Logger LOG = System.getLogger("berth.events");

    private final EventSignal signal;
    private final OutboxWorker worker;
    private final Runnable wake;

    private EventLogger(EventSignal signal, OutboxWorker worker) {
        this.signal = signal;
        this.worker = worker;
        this.wake = worker::wake;
        signal.subscribe(wake);
    }

    static EventLogger start(EventStore store, EventSignal signal) {
        return new EventLogger(
                signal, OutboxWorker.start(store, CONSUMER, EventLogger::log, OutboxWorker.Settings.DEFAULTS));
    }

    private static void log(List<RegistryEvent> events) {
        if (!LOG.isLoggable(System.Logger.Level.DEBUG)) {
            return;
        }
        for (RegistryEvent event : events) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "event " + event.sequence() + " registry " + event.registryId() + " " + EventPayload.write(event));
        }
    }

    @Override
    public void close() {
        signal.unsubscribe(wake);
        worker.close();
    }
}
