package dev.berth.core.outbox;

import dev.berth.core.events.ConsumerStopped;
import dev.berth.core.events.EventConsumer;
import dev.berth.core.events.RegistryEvent;
import dev.berth.core.spi.EventStore;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads the outbox in order on a thread of its own and hands the events to one {@link EventConsumer}, moving the
 * consumer's cursor past a batch only after the consumer returned, so delivery is at least once and survives
 * restarts. It polls every {@code pollInterval}, and at once when {@link #wake()}d after a commit. A consumer that
 * throws gets the same batch again after a backoff that doubles up to {@code maxBackoff}; writers never wait for it,
 * as the outbox only grows meanwhile. A failing store is treated like a failing consumer. A consumer that throws
 * {@link ConsumerStopped} ends the worker, with one line in the log and its batch unacknowledged.
 *
 * <p>One worker per consumer name; two workers with the same name would both deliver every event.
 */
public final class OutboxWorker implements Closeable {
    private static final System.Logger LOG = System.getLogger("berth.events");

    private final EventStore store;
    private final String consumerName;
    private final EventConsumer consumer;
    private final Settings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wakeRequested;
    private volatile boolean running = true;
    private final Thread thread;

    /**
     * How a worker paces itself.
     *
     * @param batchSize the most events handed to the consumer at once
     */
    public record Settings(int batchSize, Duration pollInterval, Duration initialBackoff, Duration maxBackoff) {
        public static final Settings DEFAULTS =
                new Settings(100, Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(60));

        public Settings {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
        }
    }

    private OutboxWorker(EventStore store, String consumerName, EventConsumer consumer, Settings settings) {
        this.store = store;
        this.consumerName = consumerName;
        this.consumer = consumer;
        this.settings = settings;
        this.thread = Thread.ofPlatform()
                .name("berth-events-" + consumerName)
                .daemon()
                .unstarted(this::run);
    }

    /** Starts a worker that delivers to the consumer from where its cursor (by name) stands. */
    public static OutboxWorker start(EventStore store, String consumerName, EventConsumer consumer, Settings settings) {
        OutboxWorker worker = new OutboxWorker(store, consumerName, consumer, settings);
        worker.thread.start();
        return worker;
    }

    /** Asks the worker to look at the outbox now; returns at once. */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        Duration backoff = settings.initialBackoff();
        while (running) {
            try {
                if (deliverBatch()) {
                    backoff = settings.initialBackoff();
                    continue;
                }
                backoff = settings.initialBackoff();
                pause(settings.pollInterval(), true);
            } catch (ConsumerStopped e) {
                LOG.log(System.Logger.Level.INFO, "event consumer " + consumerName + " stopped: " + e.getMessage());
                running = false;
            } catch (Exception e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "event consumer " + consumerName + " failed; retrying in " + backoff.toMillis() + " ms",
                        e);
                pause(backoff, false);
                backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
            }
        }
    }

    /** Delivers the next batch, if any; true if there was one. */
    private boolean deliverBatch() throws Exception {
        long cursor = store.cursor(consumerName);
        List<RegistryEvent> batch = store.after(cursor, settings.batchSize());
        if (batch.isEmpty()) {
            return false;
        }
        consumer.accept(batch);
        store.advance(consumerName, batch.getLast().sequence());
        return true;
    }

    /** Waits for the duration, or less if woken (when the wait may be cut short) or closed. */
    private void pause(Duration duration, boolean wakeable) {
        long deadline = System.nanoTime() + duration.toNanos();
        lock.lock();
        try {
            while (running && !(wakeable && wakeRequested)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                woken.awaitNanos(left);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops the worker, waiting for a batch under way to finish. */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
