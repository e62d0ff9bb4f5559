package dev.berth.server;

import dev.berth.core.registry.PullRecorder;
import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes the last-pulled times the data plane keeps in memory every few seconds, and once more on close, so that a
 * pull never waits for a write of its own. A crash loses at most the last interval's times.
 */
final class PullTimeFlusher implements Closeable {
    /** How often pull times are written. */
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger("berth.pulls");

    private final ScheduledExecutorService scheduler;
    private final PullRecorder pulls;

    private PullTimeFlusher(ScheduledExecutorService scheduler, PullRecorder pulls) {
        this.scheduler = scheduler;
        this.pulls = pulls;
    }

    static PullTimeFlusher start(PullRecorder pulls) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("berth-pull-times").daemon().factory());
        long every = INTERVAL.toMillis();
        scheduler.scheduleWithFixedDelay(() -> flush(pulls), every, every, TimeUnit.MILLISECONDS);
        return new PullTimeFlusher(scheduler, pulls);
    }

    private static void flush(PullRecorder pulls) {
        try {
            pulls.flush();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "writing pull times failed; they are kept for the next try", e);
        }
    }

    /** Stops the schedule, waiting for a write under way, then writes what is left. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush(pulls);
    }
}
